namespace Orchestrator.Server.Inventory;

/// <summary>Who sends or receives a data flow: the resident or an organisation level (市町村 / 都道府県 / 国).</summary>
public enum PartyLevel { Resident, Municipality, Prefecture, National }
