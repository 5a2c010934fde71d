using Orchestrator.Server.Auth;

namespace Orchestrator.Server.Inventory;

/// <summary>Coordinators (and administrators) edit the inventory; evaluators read it; clerks do not see it.</summary>
public static class InventoryRoles
{
    public static readonly string[] Edit = [Roles.Admin, Roles.Coordinator];
    public static readonly string[] Read = [Roles.Admin, Roles.Coordinator, Roles.Evaluator];
}
