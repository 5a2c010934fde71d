namespace Orchestrator.E2E.Tests;

/// <summary>Reads from the API until a state a test waits for has come, or gives up with what it was waiting for.</summary>
public static class ApiPolling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> read, TimeSpan limit, string waitingFor) where T : class
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (await read() is { } value)
                return value;
            if (DateTime.UtcNow >= until)
                throw new TimeoutException($"{waitingFor} after {limit.TotalSeconds:0} s");
            await Task.Delay(250);
        }
    }
}
