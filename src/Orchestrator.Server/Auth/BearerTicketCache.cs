using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Remembers the tickets of bearer tokens already read. Reading a token derives a key, decrypts it, checks its MAC and
/// deserialises the claims: done on every request, that was a third of the server's CPU per resume in the resume
/// benchmark. A token cannot change and the bearer handler still checks its expiry on every request, so a remembered
/// ticket answers as a fresh read would. Tokens that do not read are not remembered. Whether the token's session has
/// ended (sign-out) is checked after authentication on every request (SessionStamps), remembered ticket or not.
/// </summary>
public sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> tokens) : ISecureDataFormat<AuthenticationTicket>
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };
    private readonly MemoryCache tickets = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public string Protect(AuthenticationTicket data) => tokens.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => tokens.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
            return tokens.Unprotect(protectedText, purpose);
        if (!tickets.TryGetValue(protectedText, out AuthenticationTicket? ticket))
        {
            ticket = tokens.Unprotect(protectedText);
            if (ticket is null)
                return null;
            tickets.Set(protectedText, ticket, Entry);
        }
        // Each request gets a principal of its own to change.
        return ticket!.Clone();
    }
}
