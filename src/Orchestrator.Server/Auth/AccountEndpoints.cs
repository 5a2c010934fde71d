using Microsoft.AspNetCore.Identity;

using Orchestrator.Server.Store;

namespace Orchestrator.Server.Auth;

/// <summary>What an Admin can do for another account: end its wait after failed sign-ins, end its sessions.</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users/{userName}").WithTags("Auth").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        group.MapPost("/unlock", async (string userName, UserManager<AppUser> users, AccountLockout lockout, ILoggerFactory loggers, CancellationToken ct) =>
            {
                if (await users.FindByNameAsync(userName) is not { } user)
                    return UnknownUser();
                await lockout.UnlockAsync(user.Id, ct);
                loggers.CreateLogger("Orchestrator.Auth").LogWarning("User {UserId} unlocked by an administrator", user.Id);
                return Results.NoContent();
            })
            .WithSummary("End the account's wait after failed sign-ins (Admin)");

        group.MapPost("/sign-out", async (string userName, UserManager<AppUser> users, SessionStamps sessions, ILoggerFactory loggers, CancellationToken ct) =>
            {
                if (await users.FindByNameAsync(userName) is not { } user)
                    return UnknownUser();
                await sessions.EndAllAsync(user.Id, ct);
                loggers.CreateLogger("Orchestrator.Auth").LogWarning("Sessions of user {UserId} ended by an administrator", user.Id);
                return Results.NoContent();
            })
            .WithSummary("End every session of the account: its cookies and bearer tokens stop working (Admin)");

        return api;
    }

    private static IResult UnknownUser() =>
        Hosting.Problems.Status(StatusCodes.Status404NotFound, "ユーザーが見つかりません (no such user)");
}
