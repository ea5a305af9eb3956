using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat9.Infrastructure.Persistence;

/// <summary>What kind of storage trouble an exception reports, if any.</summary>
public enum StorageFailure
{
    /// <summary>Not a storage failure (a bug, or another kind of error).</summary>
    None,

    /// <summary>The database is busy or unreachable for now: SQLite's write lock held past the busy timeout
    /// (<c>SQLITE_BUSY</c>, <c>SQLITE_LOCKED</c>), a SQL Server lock or command timeout or deadlock, or transient
    /// SQL Server errors that outlasted the connection's retries. Retrying later is expected to work.</summary>
    Unavailable,

    /// <summary>No room left: the disk is full (<c>ENOSPC</c>, <c>ERROR_DISK_FULL</c>), SQLite reports
    /// <c>SQLITE_FULL</c>, or SQL Server cannot grow its data or log file.</summary>
    Full,
}

/// <summary>
/// Recognises the storage failures that belong to the environment rather than to the request, so that the API can
/// answer them with a stable code (<c>503 database_unavailable</c>, <c>507 insufficient_storage</c>) instead of
/// <c>500 internal_error</c>. Looks through wrappers such as <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>.
/// </summary>
public static class StorageFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteFull = 13;

    /// <summary>errno ENOSPC on Linux and macOS, which .NET puts in <see cref="Exception.HResult"/> of an <see cref="IOException"/>.</summary>
    private const int Enospc = 28;

    /// <summary>Windows ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL as HRESULTs (FACILITY_WIN32).</summary>
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsDiskFull = unchecked((int)0x80070070);

    /// <summary>Deadlock victim, lock request timeout, command timeout.</summary>
    private static readonly HashSet<int> SqlServerBusy = [1205, 1222, -2];

    /// <summary>Cannot allocate space (data file, filegroup full), transaction log full.</summary>
    private static readonly HashSet<int> SqlServerFull = [1101, 1105, 9002];

    public static StorageFailure Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var failure = current switch
            {
                SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => StorageFailure.Unavailable,
                SqliteException { SqliteErrorCode: SqliteFull } => StorageFailure.Full,
                SqlException sql when sql.Errors.Cast<SqlError>().Any(e => SqlServerFull.Contains(e.Number)) => StorageFailure.Full,
                SqlException sql when sql.Errors.Cast<SqlError>().Any(e => SqlServerBusy.Contains(e.Number)) => StorageFailure.Unavailable,
                // EnableRetryOnFailure gave up on errors it judged transient (connection lost, server unavailable, …).
                RetryLimitExceededException => StorageFailure.Unavailable,
                IOException { HResult: Enospc or WindowsHandleDiskFull or WindowsDiskFull } => StorageFailure.Full,
                _ => StorageFailure.None,
            };
            if (failure != StorageFailure.None)
            {
                return failure;
            }
        }

        return StorageFailure.None;
    }
}
