using Microsoft.AspNetCore.Identity;

namespace Orchestrator.Server.Auth;

/// <summary>A signed-in person. Clerks belong to exactly one organisation; other roles may have none.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? OrganisationCode { get; set; }
    /// <summary>Departments (課) whose tasks a clerk handles, comma-separated; empty = every department of the organisation.</summary>
    public string? Departments { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Clerk = "Clerk";
    public const string Evaluator = "Evaluator";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Clerk, Evaluator];
}

/// <summary>Claim types we add to the principal so endpoints can scope data without a store round trip.</summary>
public static class OrchestratorClaims
{
    public const string OrganisationCode = "org_code";
    public const string OrganisationLevel = "org_level";
    public const string DisplayName = "display_name";
    public const string Departments = "departments";
}
