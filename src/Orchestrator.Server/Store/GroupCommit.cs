using System.Threading.Channels;

namespace Orchestrator.Server.Store;

/// <summary>
/// Group commit for writes that carry only their own rows. They queue here, and one writer commits all that are
/// waiting in one transaction; a write that fails (a conflict) fails alone and the others are committed again without
/// it. Under many concurrent resumes the commit (and on SQLite the pass through the write gate) is paid once per batch
/// instead of once per burst, and the store is not left idle while the next burst waits for a thread. A store that
/// commits several transactions at once (PostgreSQL flushes the log of concurrent commits together) gets several lanes:
/// while one batch waits for its flush, the next is already on its way.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a long queue is committed in steps.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Pending> queue;
    private readonly Func<IReadOnlyList<IRowWrite>, int, Task<WriteFailure?>> commit;
    private readonly Action<int> reset;
    private readonly ILogger log;
    private readonly Task loops;

    /// <param name="commit">
    /// Writes the batch in one transaction on the lane's connection (the second argument, 0 to lanes - 1) and commits
    /// it; when one write fails, rolls back and returns which and why.
    /// </param>
    /// <param name="reset">After an error of the store itself: the lane's next batch starts on a new connection.</param>
    /// <param name="lanes">Batches committed at once, each lane one after the other.</param>
    public GroupCommit(Func<IReadOnlyList<IRowWrite>, int, Task<WriteFailure?>> commit, Action<int> reset, ILogger log, int lanes = 1)
    {
        (this.commit, this.reset, this.log) = (commit, reset, log);
        queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = lanes == 1 });
        loops = Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(() => RunAsync(lane))));
    }

    public Task WriteAsync(IRowWrite write)
    {
        var pending = new Pending(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(GroupCommit), "the store is shutting down");
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // What is queued is still written: nothing a caller was told about is lost on shutdown.
        queue.Writer.TryComplete();
        await loops;
    }

    private async Task RunAsync(int lane)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                var remaining = batch;
                while (remaining.Count > 0 && await commit(remaining.Select(p => p.Write).ToList(), lane) is { } failure)
                {
                    remaining[failure.Index].Done.TrySetException(failure.Error);
                    remaining = remaining.Where((_, i) => i != failure.Index).ToList();
                }
                foreach (var pending in remaining)
                    pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                log.LogError(e, "Writing a batch of {Count} burst(s) failed", batch.Count);
                foreach (var pending in batch)
                    pending.Done.TrySetException(e);
                reset(lane);
            }
            batch.Clear();
        }
    }

    private sealed record Pending(IRowWrite Write, TaskCompletionSource Done);
}

/// <summary>The write of a batch that failed (the others were not committed with it), and why.</summary>
public sealed record WriteFailure(int Index, Exception Error);
