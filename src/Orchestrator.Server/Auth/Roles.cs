namespace Orchestrator.Server.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Clerk = "Clerk";
    public const string Evaluator = "Evaluator";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Clerk, Evaluator];
}
