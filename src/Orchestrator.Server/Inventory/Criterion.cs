namespace Orchestrator.Server.Inventory;

/// <summary>
/// The criteria a procedure is ranked by: expected effect (burden removed × volume), needs, feasibility and cost
/// (lower cost ranks higher).
/// </summary>
public enum Criterion { Effect, Needs, Feasibility, Cost }
