using Orchestrator.Server.Auth;

namespace Orchestrator.Server.IssuesRegister;

/// <summary>Coordinators (and administrators) keep the register; evaluators read it; clerks do not see it.</summary>
public static class IssueRegisterRoles
{
    public static readonly string[] Edit = [Roles.Admin, Roles.Coordinator];
    public static readonly string[] Read = [Roles.Admin, Roles.Coordinator, Roles.Evaluator];
}
