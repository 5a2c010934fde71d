using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Degraded when the data folder refuses a write (disk full, read-only mount): the store and the job storage live
/// there, so the server still answers reads but new work may fail. The probe creates, writes and deletes a small file;
/// it runs at most every few seconds, and /health in between answers with its last result.
/// </summary>
public sealed class DataFolderWriteCheck(ProductPaths paths, TimeProvider time, ILogger<DataFolderWriteCheck> log) : IHealthCheck
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(5);

    /// <summary>One page: a file of that size needs a block of its own, which a full disk does not have.</summary>
    private static readonly byte[] Page = new byte[4096];

    private readonly SemaphoreSlim probing = new(1, 1);
    private volatile Probe? last;

    public string ProbeFile => Path.Combine(paths.Data, ".write-probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (Recent() is { } known)
            return known;
        await probing.WaitAsync(ct);
        try
        {
            if (Recent() is { } probedMeanwhile)
                return probedMeanwhile;
            var result = await ProbeAsync(ct);
            if (result.Status != last?.Result.Status)
                log.Log(result.Status == HealthStatus.Healthy ? LogLevel.Information : LogLevel.Warning, result.Exception,
                    "Data folder write probe: {Status}", result.Status);
            last = new Probe(time.GetUtcNow(), result);
            return result;
        }
        finally
        {
            probing.Release();
        }
    }

    private HealthCheckResult? Recent() => last is { } known && time.GetUtcNow() - known.At < Reuse ? known.Result : null;

    private sealed record Probe(DateTimeOffset At, HealthCheckResult Result);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await using (var file = new FileStream(ProbeFile, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                await file.WriteAsync(Page, ct);
            File.Delete(ProbeFile);
            return HealthCheckResult.Healthy("データフォルダーに書き込めます (the data folder accepts writes)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The description goes to anonymous callers: no path, no system message.
            return HealthCheckResult.Degraded("データフォルダーに書き込めません (the data folder refuses writes: disk full or read-only)", e);
        }
    }
}
