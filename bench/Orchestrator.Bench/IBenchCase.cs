namespace Orchestrator.Bench;

/// <summary>One benchmark case; it prints its figures through the writer and nothing else on stdout.</summary>
public interface IBenchCase
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(FigureWriter report);
}
