using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Orchestrator.Engine;
using Orchestrator.FakeAgencies;
using Orchestrator.Server;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Deliverables;
using Orchestrator.Server.Demo;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.HttpWorkflows;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Inventory;
using Orchestrator.Server.IssuesRegister;
using Orchestrator.Server.Measurements;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Simulations;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

if (args.FirstOrDefault() == StoreCopy.Command)
    return await StoreCopy.RunAsync(args[1..], Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);

var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new();
var jobs = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new();
var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
var paths = ProductPaths.Resolve(builder.Environment.ContentRootPath, storage);
Directory.CreateDirectory(paths.Data);

FakeAgencyHost? fakeAgencies = null;
if (demo.Enabled)
{
    DemoBinding.EnsureLoopbackOnly(builder.Configuration["Urls"]);
    if (demo.FakeAgencies)
        fakeAgencies = DemoAgencies.Start(builder.Configuration);
}

builder.WebHost.ConfigureKestrel(o =>
    o.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Kestrel:Limits:MaxRequestBodySize", RequestBody.DefaultLimit));
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
builder.Services.Configure<JobOptions>(builder.Configuration.GetSection(JobOptions.Section));
builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console()
    .WriteTo.File(new CompactJsonFormatter(), Path.Combine(paths.Logs, "orchestrator-.json"),
        rollingInterval: RollingInterval.Day, fileSizeLimitBytes: 20 * 1024 * 1024, rollOnFileSizeLimit: true,
        retainedFileCountLimit: 31));
LoggersPerCategory.Wrap(builder.Services);

// The initializer must be the first hosted service: migrations run before Hangfire or Kestrel start.
builder.Services.AddHostedService<StartupInitializer>();
builder.Services.AddAppStore(paths, storage, builder.Configuration.GetConnectionString(StoreSetup.ConnectionStringName));
builder.Services.AddOrchestratorAuth(paths, auth, secureCookies: !demo.Enabled);
builder.Services.AddJobs(paths, jobs, storage, builder.Configuration.GetConnectionString(StoreSetup.ConnectionStringName));
builder.Services.AddSingleton(ActivityRegistry.CreateDefault());
builder.Services.AddSingleton<IWorkflowDefinitionProvider, StoredWorkflowDefinitions>();
builder.Services.AddSingleton(sp => new WorkflowValidator(sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<IWorkflowDefinitionProvider>()));
builder.Services.AddSingleton(sp => EngineOptions.CreateRunner(sp, builder.Configuration));
builder.Services.AddDefinitions();
builder.Services.AddInstances();
builder.Services.AddHttpWorkflows(builder.Configuration);
builder.Services.AddTasks();
builder.Services.AddAgencies(builder.Configuration);
builder.Services.AddPilots(builder.Configuration);
builder.Services.AddReports(builder.Configuration);
builder.Services.AddSimulations(builder.Configuration);
builder.Services.AddInventory(builder.Configuration);
builder.Services.AddMeasurements(builder.Configuration);
builder.Services.AddIssuesRegister();
builder.Services.AddDeliverables();
builder.Services.AddScoped<OrganisationCatalog>();
builder.Services.AddScoped<AccountSeeder>();
builder.Services.AddScoped<DemoPilots>();
builder.Services.AddSingleton<DemoAccounts>();
builder.Services.AddSingleton<DataFolderWriteCheck>();
builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store").AddCheck<DataFolderWriteCheck>("dataFolder");
builder.Services.AddProblemDetails();
// Malformed bodies and query values throw in every environment, so that ApiExceptionHandler answers them alike (400).
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();
// Before the store is migrated or seeded: a taken port ends the start with one line that says what to do. Only a
// server that binds addresses (Kestrel) is asked; the tests' in-memory host binds none.
if (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>() is not null
    && AddressCheck.Taken(app.Configuration["Urls"]) is { } taken)
{
    Console.Error.WriteLine(taken);
    await app.DisposeAsync();
    return 1;
}
if (fakeAgencies is not null)
    app.Lifetime.ApplicationStopped.Register(() => fakeAgencies.DisposeAsync().AsTask().GetAwaiter().GetResult());

// Outside the exception handler, so that the request log shows the status the caller got (a 409 stays a 409). In demo
// mode requests are logged at Debug (not shown by default): the Studio's polling drowned the demo banner.
app.UseSerilogRequestLogging(o =>
{
    if (demo.Enabled)
        o.GetLevel = (http, _, error) => error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Debug;
});
app.UseOrchestratorSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCrossSiteRequestGuard();
app.UseAuthentication();
app.UseSessionCheck();
app.UseRateLimiter();
app.UseAuthorization();
app.UseJobDashboard();

app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
{
    ResponseWriter = HealthResponse.WriteAsync,
});
app.MapOpenApi();
// Without its web fonts, which it would fetch from a third party (and the content security policy refuses).
app.MapScalarApiReference(o => o.WithTitle("Orchestrator API").DisableDefaultFonts());

var api = app.MapGroup("/api").RequireAuthorization();
api.MapAuthEndpoints();
api.MapDemoEndpoints();
api.MapAccountEndpoints();
api.MapOrganisationEndpoints();
api.MapDefinitionEndpoints();
api.MapInstanceEndpoints();
api.MapInstanceJournalEndpoints();
api.MapTaskEndpoints();
api.MapAgencyEndpoints();
api.MapPilotEndpoints();
api.MapReportEndpoints();
api.MapSimulationEndpoints();
api.MapInventoryEndpoints();
api.MapMeasurementEndpoints();
api.MapIssueRegisterEndpoints();
api.MapDeliverableEndpoints();

app.MapHttpWorkflows();
app.MapStudio(paths);

app.Run();
return 0;

public partial class Program;
