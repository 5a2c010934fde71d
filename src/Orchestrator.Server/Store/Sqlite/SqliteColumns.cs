using System.Runtime.InteropServices;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// SQLite's column getters called on the statement's pointer, without a GC transition. Through SQLitePCL each call
/// took a reference on the statement's SafeHandle and made a full native transition: for a report over 53,000 case
/// rows of 40 columns that was 2,000,000 calls and most of the read's CPU. The getters only read the current row and
/// never call back, which is what a suppressed transition requires; the one lock they take, the connection's, is never
/// contended, since a read's connection is its own while it steps. The caller keeps the statement alive while it reads.
/// </summary>
internal static class SqliteColumns
{
    // The library SQLitePCL's bundled provider loads; the runtime resolves it from the app's native assets alike.
    private const string Library = "e_sqlite3";

    [DllImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    public static extern int Type(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double"), SuppressGCTransition]
    public static extern double Double(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int"), SuppressGCTransition]
    public static extern int Int(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_text"), SuppressGCTransition]
    public static extern IntPtr Text(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
    public static extern int Bytes(IntPtr statement, int column);
}
