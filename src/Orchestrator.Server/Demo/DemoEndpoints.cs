using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Demo;

public static class DemoEndpoints
{
    /// <summary>
    /// `GET /api/demo/accounts`: in demo mode the accounts and their shared password, so the sign-in page can show them
    /// (demo mode listens on loopback only, and prints the same at start); 404 otherwise.
    /// </summary>
    public static RouteGroupBuilder MapDemoEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/demo/accounts", (IOptions<DemoOptions> demo, DemoAccounts seeded) =>
                demo.Value.Enabled
                    ? Results.Ok(new DemoAccountsView(demo.Value.Password, seeded.Accounts))
                    : Problems.Status(StatusCodes.Status404NotFound, "デモモードではありません (not in demo mode)", null))
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("Demo mode only: the demo accounts and their password, for the sign-in page");
        return api;
    }
}
