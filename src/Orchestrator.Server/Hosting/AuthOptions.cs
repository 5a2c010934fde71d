namespace Orchestrator.Server.Hosting;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Wrong passwords in a row before the account waits; after that, one attempt per wait.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;
    /// <summary>The first wait; each further wrong password doubles it, up to <see cref="LockoutMaxMinutes"/>.</summary>
    public int LockoutSeconds { get; set; } = 60;
    public int LockoutMaxMinutes { get; set; } = 15;
    /// <summary>Sign-in requests per minute for one user name, and from one client address (429 beyond).</summary>
    public int SignInsPerAccountPerMinute { get; set; } = 10;
    public int SignInsPerAddressPerMinute { get; set; } = 60;
    public int TokenLifetimeHours { get; set; } = 8;
    /// <summary>
    /// PBKDF2 iterations of new password hashes; unset, Identity's default (100,000). Only tests lower it: a hash keeps
    /// its own count, so stored passwords still verify after a change.
    /// </summary>
    public int? PasswordHashIterations { get; set; }

    /// <summary>Outside demo mode: the first administrator, created when no Admin exists yet.</summary>
    public string? BootstrapAdminPassword { get; set; }
}
