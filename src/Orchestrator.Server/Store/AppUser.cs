using Microsoft.AspNetCore.Identity;

namespace Orchestrator.Server.Store;

/// <summary>A signed-in person. Clerks belong to exactly one organisation; other roles may have none.</summary>
/// <remarks>In the store, not in Auth: the store's context inherits the Identity tables and so must name the user type.</remarks>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? OrganisationCode { get; set; }
    /// <summary>Departments (課) whose tasks a clerk handles, comma-separated; empty = every department of the organisation.</summary>
    public string? Departments { get; set; }
}
