namespace Orchestrator.Bench;

/// <summary>Runs a measurement several times after a warm-up and keeps the median, so one noisy round does not decide.</summary>
public static class Rounds
{
    public static async Task<T> MedianAsync<T>(int rounds, Func<Task<T>> warmUp, Func<Task<T>> measure, Func<T, double> key)
    {
        await warmUp();
        var results = new List<T>();
        for (var i = 0; i < rounds; i++)
        {
            // Start each round from a collected heap so earlier garbage is not charged to it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            results.Add(await measure());
        }
        return results.OrderBy(key).ElementAt(results.Count / 2);
    }
}
