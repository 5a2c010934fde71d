namespace Orchestrator.Server.Auth;

/// <summary>Claim types we add to the principal so endpoints can scope data without a store round trip.</summary>
public static class OrchestratorClaims
{
    public const string OrganisationCode = "org_code";
    public const string OrganisationLevel = "org_level";
    public const string DisplayName = "display_name";
    public const string Departments = "departments";
}
