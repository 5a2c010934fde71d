using Orchestrator.Server.Agencies;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Inventory;
using Orchestrator.Server.IssuesRegister;

namespace Orchestrator.Server.Deliverables;

/// <summary>Gathers what a deliverable shows from the workflows, the agency registry, the inventory and the register.</summary>
public sealed class DeliverableService(DefinitionService definitions, DefinitionCache cache, AgencyOptions agencies, InventoryService inventory,
    IssueRegisterService issues, ProcessSteps steps)
{
    public async Task<PracticalSpec?> PracticalSpecAsync(string definitionId, int? version, CancellationToken ct)
    {
        if (await definitions.FindAsync(definitionId, version, ct) is not { } record)
            return null;
        var definition = cache.Get(record);
        var flow = ProcessFlow.From(definition);
        var procedure = flow.ProcessKey is null ? null : (await inventory.LoadAllAsync(ct)).FirstOrDefault(p => p.ProcessKey == flow.ProcessKey);
        var related = flow.ProcessKey is null ? [] : await issues.ListAsync(new IssueFilter(ProcessKey: flow.ProcessKey), ct);
        var processName = flow.ProcessKey is { } key && (await steps.NamesAsync(ct)).TryGetValue(key, out var name) ? name : record.Name;
        return new PracticalSpec(processName, record.Name, record.Version, flow, PlatformInterfaces.Of(definition, agencies, procedure), related);
    }
}
