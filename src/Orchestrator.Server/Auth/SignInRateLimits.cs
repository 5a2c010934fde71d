using System.Globalization;
using System.Threading.RateLimiting;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Sign-in requests per user name and per client address, on ASP.NET Core's rate limiter. The store's lockout stops
/// guessing one account; these stop one address from trying many accounts, and any one name from being hammered
/// (unknown names included). Behind a reverse proxy the address is the proxy's unless forwarded headers are enabled.
/// </summary>
public sealed class SignInRateLimits(AuthOptions auth) : IDisposable
{
    public const string AddressPolicy = "sign-in-address";

    private readonly PartitionedRateLimiter<string> accounts = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => PerMinute(auth.SignInsPerAccountPerMinute)));

    public RateLimitLease AcquireForAccount(string userName) => accounts.AttemptAcquire(userName.Trim().ToUpperInvariant());

    public static IResult TooMany(HttpContext http, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problems.Status(StatusCodes.Status429TooManyRequests,
            "サインインの試行が多すぎます。しばらくしてから再度お試しください (too many sign-in attempts; try again later)");
    }

    // A fixed window tells the caller when it opens again (Retry-After); a sliding one does not.
    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    public void Dispose() => accounts.Dispose();

    public static void AddTo(IServiceCollection services, AuthOptions auth)
    {
        services.AddSingleton(_ => new SignInRateLimits(auth));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AddressPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "", _ => PerMinute(auth.SignInsPerAddressPerMinute)));
            o.OnRejected = (context, _) => new ValueTask(TooMany(context.HttpContext, context.Lease).ExecuteAsync(context.HttpContext));
        });
    }
}
