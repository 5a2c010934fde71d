namespace Orchestrator.Server.Inventory;

public sealed record CatalogueProblem(CatalogueSite Site, string Message);
