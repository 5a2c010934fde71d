namespace Orchestrator.Bench;

/// <summary>One benchmark case; it prints its figures through the writer and nothing else on stdout.</summary>
public interface IBenchCase
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(FigureWriter report);
}

/// <summary>A case that runs on either store, with one or two server nodes.</summary>
public interface IStoreBenchCase : IBenchCase
{
    Task RunAsync(FigureWriter report, BenchStore store);
}
