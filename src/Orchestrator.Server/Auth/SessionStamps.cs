using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Sessions end when the user's security stamp changes (sign-out, an Admin's unlock): the cookie and every bearer
/// token carry the stamp they were issued with, and a request whose stamp is no longer the user's is anonymous. The
/// stamp is read once per user and remembered for <see cref="Fresh"/>; a sign-out on any server is seen by every server
/// at once (a store signal), a change made in the database by hand within that time. Bearer tickets are remembered by
/// BearerTicketCache, but this check runs on every request after it, so a remembered ticket of an ended session is
/// refused too.
/// </summary>
public sealed class SessionStamps : IDisposable
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);
    private const string Topic = "sessions";

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> stamps = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<IdentityOptions> identity;
    private readonly TimeProvider time;
    private readonly IStoreSignals signals;
    private readonly IDisposable subscription;

    public SessionStamps(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider time, IStoreSignals signals)
    {
        (this.scopes, this.identity, this.time, this.signals) = (scopes, identity, time, signals);
        subscription = signals.Subscribe(Topic, userId =>
        {
            if (userId is null)
                stamps.Clear();
            else
                stamps.TryRemove(userId, out _);
        });
    }

    public void Dispose() => subscription.Dispose();

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (user.FindFirstValue(claims.UserIdClaimType) is not { } userId || user.FindFirstValue(claims.SecurityStampClaimType) is not { } stamp)
            return false;
        var now = time.GetUtcNow();
        if (!stamps.TryGetValue(userId, out var known) || now - known.ReadAt > Fresh)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            known = (await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct), now);
            stamps[userId] = known;
        }
        return known.Stamp == stamp;
    }

    /// <summary>Ends every session of the user: cookies and bearer tokens issued so far stop working.</summary>
    public async Task EndAllAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
        await transaction.CommitAsync(ct);
        stamps.TryRemove(userId, out _);
        await signals.PublishAsync(Topic, userId, CancellationToken.None);
    }
}

public static class SessionCheck
{
    /// <summary>After authentication: a request whose session has ended goes on as anonymous (and loses its cookie).</summary>
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true
            && !await http.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(http.User, http.RequestAborted))
        {
            if (!AuthSetup.HasBearerToken(http.Request))
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(http);
    });
}
