using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Auth;

/// <summary>
/// A hash of nobody's password, made with the configured hashing cost. An unknown user name or a waiting account is
/// checked against it, so that it costs the same hashing as a known one: answered without it, unknown names came back
/// in 3 ms and known ones in 241 ms.
/// </summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> hash = new(() => new PasswordHasher<AppUser>(options).HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    /// <summary>Checks the password against the decoy with the request's hasher; the answer is always "wrong".</summary>
    public void Check(IPasswordHasher<AppUser> hasher, string password) => hasher.VerifyHashedPassword(new AppUser(), hash.Value, password);
}
