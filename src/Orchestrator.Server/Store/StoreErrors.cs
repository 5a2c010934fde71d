using Microsoft.Data.Sqlite;
using Npgsql;

namespace Orchestrator.Server.Store;

/// <summary>
/// Store refusals a caller can act on, whichever provider raised them and whichever way they surface (EF Core wraps
/// them; set-based updates and the fast path do not).
/// </summary>
public static class StoreErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>A row would break a unique index: another writer got there first.</summary>
    public static bool IsUniqueViolation(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException { SqliteErrorCode: SqliteConstraint } s
                && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey)
                return true;
            if (inner is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return true;
        }
        return false;
    }
}

