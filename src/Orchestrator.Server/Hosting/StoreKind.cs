namespace Orchestrator.Server.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (default: one server on a file in the data folder) or PostgreSql (ConnectionStrings:Orchestrator; any number of servers).</summary>
    public string Provider { get; set; } = "Sqlite";

    public StoreKind Kind => Enum.TryParse<StoreKind>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
        ? kind
        : throw new InvalidOperationException($"Storage:Provider '{Provider}' is not known; use 'Sqlite' or 'PostgreSql'.");

    /// <summary>Relative paths are resolved against the repository root (or the content root when deployed).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Workflow files imported at start (as published versions when their content changed).</summary>
    public string WorkflowsDirectory { get; set; } = "workflows";
}

public enum StoreKind { Sqlite, PostgreSql }

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
    public string Password { get; set; } = "Orchestrator-Demo-1";
    /// <summary>Start the fake agency systems (fixtures/agencies) in-process and point the registry at them.</summary>
    public bool FakeAgencies { get; set; } = true;
    /// <summary>Create the demo pilots of <see cref="PilotsFile"/> on first start and run their first cycle at once.</summary>
    public bool Pilots { get; set; } = true;
    public string PilotsFile { get; set; } = Path.Combine("fixtures", "pilots", "demo.json");
}

public sealed class JobOptions
{
    public const string Section = "Jobs";

    public int WorkerCount { get; set; } = 2;
    public int PollingIntervalSeconds { get; set; } = 1;

    /// <summary>How often a Hangfire server records that it is alive.</summary>
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>A server silent this long is dead: the jobs it was running are started again (see <see cref="JobLiveness"/>).</summary>
    public int ServerTimeoutSeconds { get; set; } = 40;

    /// <summary>
    /// When the SQLite job storage hands a fetched job out again if its worker never finished it. It does not renew
    /// the claim while a job runs, so this must exceed the longest job: agency calls and timers take seconds, and a
    /// cycle start holds a claim of its own in the store (a second delivery of it does nothing). The storage's default
    /// of 30 minutes had left a crashed server's jobs waiting that long.
    /// </summary>
    public int InvisibilityTimeoutMinutes { get; set; } = 5;

    public TimeSpan ServerTimeout => TimeSpan.FromSeconds(ServerTimeoutSeconds);
}

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

    /// <summary>Outside demo mode: the first administrator, created when no Admin exists yet.</summary>
    public string? BootstrapAdminPassword { get; set; }
}
