namespace Orchestrator.Server.Store;

/// <summary>The columns of the current row of a query read through <see cref="IStoreFastPath.RowsAsync{T}"/>, by position.</summary>
public interface IRowValues
{
    bool IsNull(int column);

    /// <summary>A number column (integer, real or boolean) as a double; 0 when null.</summary>
    double Double(int column);

    int Int(int column);

    bool Bool(int column);

    string? Text(int column);
}
