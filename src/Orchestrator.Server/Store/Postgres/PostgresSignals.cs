using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// Signals between the servers of one database: PublishAsync is a NOTIFY on one channel, and every server LISTENs on a
/// connection of its own and hands what arrives to its subscribers. When that connection is lost, messages sent
/// meanwhile are lost too: after reconnecting, every subscriber is told so (and forgets what it keeps).
/// </summary>
public sealed class PostgresSignals(PostgresDataSources sources, ILogger<PostgresSignals> log) : BackgroundService, IStoreSignals
{
    private const string Channel = "orchestrator";
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);
    private readonly LocalSignals subscribers = new();

    public async Task PublishAsync(string topic, string message, CancellationToken ct)
    {
        await using var command = sources.Main.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = topic + "\n" + message });
        await command.ExecuteNonQueryAsync(ct);
    }

    public IDisposable Subscribe(string topic, Action<string?> handler) => subscribers.Subscribe(topic, handler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await sources.Listen.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (!first)
                    subscribers.DeliverMissed();
                first = false;
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Listening for signals of other servers failed; listening again in {Seconds} s", Retry.TotalSeconds);
                first = false;
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Deliver(string payload)
    {
        var split = payload.IndexOf('\n');
        if (split < 0)
            return;
        try
        {
            subscribers.Deliver(payload[..split], payload[(split + 1)..]);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "A signal handler failed");
        }
    }
}
