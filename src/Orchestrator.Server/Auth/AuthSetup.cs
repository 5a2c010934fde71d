using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Auth;

public static class AuthSetup
{
    /// <summary>Chooses bearer for scripts (Authorization header) and the cookie for the Studio.</summary>
    private const string CookieOrBearer = "CookieOrBearer";

    /// <param name="secureCookies">
    /// Mark the cookie Secure (sent over HTTPS only). Off only in demo mode, which listens on loopback alone.
    /// </param>
    public static IServiceCollection AddOrchestratorAuth(this IServiceCollection services, ProductPaths paths, AuthOptions auth, bool secureCookies)
    {
        // Where the keys are kept is the store's choice (Store/Sqlite: the data folder; Store/Postgres: the database).
        services.AddDataProtection().SetApplicationName("Orchestrator");

        services.AddIdentityCore<AppUser>(o =>
            {
                // Failed sign-ins are counted by AccountLockout; Identity's read-modify-write counter is not used.
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OrchestratorClaimsFactory>();
        if (auth.PasswordHashIterations is { } iterations)
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o =>
            {
                o.ForwardDefaultSelector = context =>
                    HasBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(auth.TokenLifetimeHours);
            })
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "orchestrator.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(auth.TokenLifetimeHours);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                // APIs answer with status codes; only page navigations are redirected to the sign-in page.
                o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            });

        // After the bearer handler's own configuration, which sets the protector the cache wraps.
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure(o => o.BearerTokenProtector = new BearerTicketCache(o.BearerTokenProtector));

        services.AddAuthorization();
        services.AddScoped<AccessTokenIssuer>();
        services.AddScoped<AccountLockout>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddSingleton<SessionStamps>();
        SignInRateLimits.AddTo(services, auth);
        return services;
    }

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task Challenge(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (status == StatusCodes.Status401Unauthorized && !path.StartsWithSegments("/api") && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>Puts the organisation and display name into the principal.</summary>
public sealed class OrchestratorClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrchestratorClaims.DisplayName, user.DisplayName));
        if (!string.IsNullOrWhiteSpace(user.Departments))
            identity.AddClaim(new Claim(OrchestratorClaims.Departments, user.Departments));
        if (user.OrganisationCode is { } code)
        {
            identity.AddClaim(new Claim(OrchestratorClaims.OrganisationCode, code));
            var level = await db.Organisations.Where(o => o.Code == code).Select(o => (OrganisationLevel?)o.Level).FirstOrDefaultAsync();
            if (level is not null)
                identity.AddClaim(new Claim(OrchestratorClaims.OrganisationLevel, level.Value.ToString()));
        }
        return identity;
    }
}

/// <summary>Issues the bearer token that scripts send as `Authorization: Bearer …`.</summary>
public sealed class AccessTokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal principal)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var expiresAt = time.GetUtcNow() + bearer.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = time.GetUtcNow(), ExpiresUtc = expiresAt };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return (bearer.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
