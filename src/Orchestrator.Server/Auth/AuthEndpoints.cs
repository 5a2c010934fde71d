using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Auth;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, OrganisationDto? Organisation);

public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt, CurrentUser User);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Auth");

        group.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimits.AddressPolicy)
            .WithSummary("Sign in: sets the cookie and returns a bearer token for scripts")
            .Produces<LoginResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/auth/logout", async (HttpContext http, ClaimsPrincipal principal, UserManager<AppUser> users, SessionStamps sessions) =>
            {
                if (users.GetUserId(principal) is { } userId)
                    await sessions.EndAllAsync(userId, http.RequestAborted);
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return Results.NoContent();
            })
            .WithSummary("Sign out: ends the user's sessions (the cookie and every bearer token issued so far)");

        group.MapGet("/me", async (ClaimsPrincipal principal, AppDbContext db, CancellationToken ct) =>
                await DescribeAsync(principal, db, ct))
            .WithSummary("The signed-in user, roles and organisation");

        return api;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest? request, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, DecoyPasswordHash decoy,
        AccountLockout lockout, SignInRateLimits limits, AccessTokenIssuer tokens, AppDbContext db, ILoggerFactory loggers)
    {
        var errors = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(request?.UserName))
            errors.Add(new("$.userName", "ユーザー名を入力してください (user name is required)"));
        if (string.IsNullOrEmpty(request?.Password))
            errors.Add(new("$.password", "パスワードを入力してください (password is required)"));
        if (errors.Count > 0)
            return Problems.Validation("入力内容に誤りがあります", errors);

        using var lease = limits.AcquireForAccount(request!.UserName!);
        if (!lease.IsAcquired)
            return SignInRateLimits.TooMany(http, lease);

        var log = loggers.CreateLogger("Orchestrator.Auth");
        var ct = http.RequestAborted;
        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null)
        {
            decoy.Check(hasher, request.Password!);
            log.LogInformation("Sign-in failed: unknown user");
            return InvalidCredentials();
        }

        var slot = await lockout.TakeSlotAsync(user.Id, ct);
        if (!slot.Granted)
        {
            // Answered like a wrong password, at the same hashing cost: a distinct answer told a guesser which user
            // names exist (only a known account can wait). The wait is in the log and an Admin can end it.
            decoy.Check(hasher, request.Password!);
            log.LogWarning("Sign-in refused: user {UserId} waits after failed sign-ins until {Until:o}", user.Id, slot.LockedUntil);
            return InvalidCredentials();
        }
        if (hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", request.Password!) == PasswordVerificationResult.Failed)
        {
            log.LogInformation("Sign-in failed for user {UserId}", user.Id);
            return InvalidCredentials();
        }
        await lockout.SucceededAsync(user.Id, ct);

        var principal = await signIn.CreateUserPrincipalAsync(user);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        var (token, expiresAt) = tokens.Issue(principal);
        log.LogInformation("User {UserId} signed in", user.Id);
        return Results.Ok(new LoginResponse(token, expiresAt, await DescribeAsync(principal, db, ct)));
    }

    private static IResult InvalidCredentials() =>
        Problems.Status(StatusCodes.Status401Unauthorized,
            "ユーザー名またはパスワードが正しくありません (wrong user name or password)",
            "失敗が続くと、しばらくサインインできなくなります。管理者はその待機を解除できます " +
            "(after repeated failures sign-in waits a while; an administrator can end the wait)");

    private static async Task<CurrentUser> DescribeAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken ct)
    {
        var code = principal.FindFirstValue(OrchestratorClaims.OrganisationCode);
        var organisation = code is null
            ? null
            : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        return new CurrentUser(
            principal.Identity?.Name ?? "",
            principal.FindFirstValue(OrchestratorClaims.DisplayName) ?? principal.Identity?.Name ?? "",
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            organisation is null ? null : OrganisationDto.From(organisation));
    }
}
