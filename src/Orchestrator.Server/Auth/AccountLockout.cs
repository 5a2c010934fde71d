using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Auth;

/// <summary>Whether a password may be checked now; when not, until when the account waits.</summary>
public readonly record struct SignInSlot(bool Granted, DateTimeOffset? LockedUntil);

/// <summary>
/// Failed sign-ins counted in the store, one compare-and-swap per attempt. Identity's own counter read the row, added
/// one and wrote it back: twenty parallel wrong guesses lost most of their increments, and 59 passwords were checked
/// before the lock. Here an attempt first takes a slot (the failure is counted before the password is checked, and
/// the slot that reaches the limit already locks), so parallel guesses cannot pass the limit; a right password gives
/// its slot back. After the limit the account is not shut for a fixed time: it waits, then allows one attempt, and
/// each further wrong password doubles the wait up to a cap — a guesser is slowed to a crawl, a person who mistyped
/// waits a minute, and an Admin can end the wait (<see cref="UnlockAsync"/>).
/// </summary>
public sealed class AccountLockout(AppDbContext db, IOptions<AuthOptions> options, TimeProvider time)
{
    public async Task<SignInSlot> TakeSlotAsync(string userId, CancellationToken ct)
    {
        var auth = options.Value;
        while (true)
        {
            var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.ConcurrencyStamp })
                .SingleAsync(ct);
            var now = time.GetUtcNow();
            if (row.LockoutEnd > now)
                return new SignInSlot(false, row.LockoutEnd);
            var failures = row.AccessFailedCount + 1;
            DateTimeOffset? lockedUntil = failures >= auth.MaxFailedAccessAttempts
                ? now + Wait(failures - auth.MaxFailedAccessAttempts, auth)
                : null;
            if (await SetAsync(userId, failures, lockedUntil, row.ConcurrencyStamp, ct))
                return new SignInSlot(true, null);
            // Another attempt took a slot between our read and write: read again.
        }
    }

    /// <summary>The password was right: the count and any wait end.</summary>
    public Task SucceededAsync(string userId, CancellationToken ct) => SetAsync(userId, 0, null, null, ct);

    public Task<bool> UnlockAsync(string userId, CancellationToken ct) => SetAsync(userId, 0, null, null, ct);

    private static TimeSpan Wait(int locksBefore, AuthOptions auth)
    {
        var max = TimeSpan.FromMinutes(auth.LockoutMaxMinutes);
        var wait = TimeSpan.FromSeconds(auth.LockoutSeconds * Math.Pow(2, Math.Min(locksBefore, 30)));
        return wait < max ? wait : max;
    }

    /// <summary>One UPDATE in a transaction of its own (so that it queues behind the store's other writers).</summary>
    private async Task<bool> SetAsync(string userId, int failures, DateTimeOffset? lockedUntil, string? expectedStamp, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Users
            .Where(u => u.Id == userId && (expectedStamp == null || u.ConcurrencyStamp == expectedStamp))
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AccessFailedCount, failures)
                .SetProperty(u => u.LockoutEnd, lockedUntil)
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
        await transaction.CommitAsync(ct);
        return rows == 1;
    }
}
