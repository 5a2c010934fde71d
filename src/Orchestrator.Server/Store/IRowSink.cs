namespace Orchestrator.Server.Store;

/// <summary>Takes new rows to be inserted later: a bulk insert, or rows collected on one thread for another to save.</summary>
public interface IRowSink
{
    void Add<T>(T row) where T : class;
}
