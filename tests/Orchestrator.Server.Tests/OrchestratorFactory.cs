using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;
using Orchestrator.Server.Store.Sqlite;

namespace Orchestrator.Server.Tests;

/// <summary>
/// The real host on a real store and real Hangfire storage, in a data directory of its own per test class: a SQLite
/// file, or (for <see cref="PostgresOrchestratorFactory"/>, or every factory when ORCHESTRATOR_TEST_PROVIDER is
/// PostgreSql) a database of its own on the throwaway PostgreSQL server.
/// </summary>
public class OrchestratorFactory : WebApplicationFactory<Program>
{
    public OrchestratorFactory() : this(null, true, null) { }

    protected OrchestratorFactory(string? dataDirectory, bool deleteOnDispose, StoreKind? store)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
        this.deleteOnDispose = deleteOnDispose;
        Store = store ?? (Environment.GetEnvironmentVariable(PostgresTestServer.ProviderVariable) is { } name
            && Enum.TryParse<StoreKind>(name, ignoreCase: true, out var kind) ? kind : StoreKind.Sqlite);
        if (Store == StoreKind.PostgreSql)
        {
            ConnectionString = PostgresTestServer.DatabaseFor(DataDirectory);
            PostgresTestServer.CreateAsync(ConnectionString).GetAwaiter().GetResult();
        }
    }

    /// <summary>A second factory on the same directory (and store) is the same installation restarted.</summary>
    public static OrchestratorFactory On(
        string dataDirectory, bool deleteOnDispose = true, IReadOnlyDictionary<string, string?>? settings = null, StoreKind? store = null) =>
        new(dataDirectory, deleteOnDispose, store) { Settings = settings ?? new Dictionary<string, string?>() };

    private readonly bool deleteOnDispose;

    public string DataDirectory { get; }

    public StoreKind Store { get; }

    /// <summary>The PostgreSQL database of this installation; null on SQLite.</summary>
    public string? ConnectionString { get; }

    public const string DemoPassword = "Test-Demo-Pass-1";

    internal const int TestHashIterations = 1_000;

    /// <summary>Extra configuration (e.g. an agency registry pointing at a WireMock server).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Set before first use to run the host on a controllable clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Services replaced or added for a test (after the host's own).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Every first start hashes the 19 demo accounts' passwords, a restart checks them and every sign-in checks
        // one, at Identity's 100,000 PBKDF2 iterations: 0.5 s a hash on the shared 2-core machine; this project's tests
        // took 19m43 with it and 13m51 with 1,000 (load about 25). No test is about the cost of guessing a password;
        // a hash records its own count, so a host with the default still verifies these.
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestHashIterations));
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        if (TestServices is { } configure)
            builder.ConfigureTestServices(configure);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Storage:Provider", Store.ToString());
        if (ConnectionString is not null)
            builder.UseSetting("ConnectionStrings:Orchestrator", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        // Tests that need agency systems bring their own WireMock servers.
        builder.UseSetting("Demo:FakeAgencies", "false");
        // Tests create the pilots they are about; the demo pilots have a test of their own.
        builder.UseSetting("Demo:Pilots", "false");
        // Loading the demo inventory took 0.9 s of a host start at load 10; the inventory tests ask for it.
        builder.UseSetting("Inventory:Demo", "false");
        builder.UseSetting("Auth:MaxFailedAccessAttempts", "3");
        // Tests sign in far more often than people; the rate limits have tests of their own.
        builder.UseSetting("Auth:SignInsPerAccountPerMinute", "100000");
        builder.UseSetting("Auth:SignInsPerAddressPerMinute", "100000");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>
    /// One host is built and started at a time in this process. The factory finds the app's host through a listener
    /// that every factory registers process-wide; two hosts starting at once could each take the other's settings: a
    /// first start imported another test's workflows folder (its Storage:WorkflowsDirectory) and logged its broken file.
    /// </summary>
    private static readonly SemaphoreSlim HostStarts = new(1, 1);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        HostStarts.Wait();
        try
        {
            return base.CreateHost(builder);
        }
        finally
        {
            HostStarts.Release();
        }
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = CreateBrowserLikeClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Signs in as a script does and returns the bearer token.</summary>
    public async Task<string> TokenAsync(string userName)
    {
        var login = await CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A client that sends only the bearer token (no cookies).</summary>
    public HttpClient BearerClient(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Adds a user beside the demo accounts (e.g. a second clerk of the same organisation).</summary>
    public async Task CreateUserAsync(string userName, string role, string? organisationCode, string? departments = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, OrganisationCode = organisationCode, Departments = departments };
        var created = await users.CreateAsync(user, DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>Hangfire's storage is lost (its file deleted, its schema dropped): the store must bring every job back.</summary>
    public async Task DeleteJobStorageAsync()
    {
        if (ConnectionString is not null)
            await PostgresTestServer.ExecuteAsync(ConnectionString, "DROP SCHEMA hangfire CASCADE");
        else
            foreach (var file in Directory.GetFiles(DataDirectory, "hangfire.db*"))
                File.Delete(file);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // This host's pool only: clearing every pool disposed the handle another class's host had just taken (an
        // ObjectDisposedException in an unrelated test, once in a full run).
        SqliteFile.At(Path.Combine(DataDirectory, "orchestrator.db")).ClearPool();
        if (deleteOnDispose)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
            if (ConnectionString is not null)
                await PostgresTestServer.DropAsync(ConnectionString);
        }
    }
}

/// <summary>The same host on PostgreSQL, for the second half of a contract suite.</summary>
public sealed class PostgresOrchestratorFactory : OrchestratorFactory
{
    public PostgresOrchestratorFactory() : base(null, true, PostgresTestServer.SkipReason is null ? StoreKind.PostgreSql : StoreKind.Sqlite) { }
}

/// <summary>The host on SQLite whatever ORCHESTRATOR_TEST_PROVIDER says, for tests of the SQLite store itself.</summary>
public sealed class SqliteOrchestratorFactory() : OrchestratorFactory(null, true, StoreKind.Sqlite);

/// <summary>The host with demo mode's inventory loaded (the catalogue, schemes and choice of fixtures/inventory).</summary>
public sealed class DemoInventoryFactory : OrchestratorFactory
{
    public DemoInventoryFactory() => Settings = WithDemoInventory;

    public static readonly IReadOnlyDictionary<string, string?> WithDemoInventory = new Dictionary<string, string?> { ["Inventory:Demo"] = "true" };
}
