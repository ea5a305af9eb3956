using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat9.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Puts every SQLite connection in write-ahead-log mode: readers never wait for the writer and a commit appends to
/// the log instead of rewriting pages, which is what lets chat turns, ingestion and dashboards share one file.
/// <c>synchronous = FULL</c> keeps every committed message durable across a power loss, not just a process crash.
/// <c>busy_timeout</c> lets SQLite itself wait for the write lock in short steps (1 ms upwards); without it the
/// provider retries a busy write only every 150 ms, which under concurrent chat turns made every turn wait. It is the
/// connection's command timeout (<c>Default Timeout</c> in the connection string, 30 s by default), so one setting
/// bounds how long a write waits for a lock before it fails with <c>SQLITE_BUSY</c>.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Pragmas(DbConnection connection)
    {
        // A timeout of 0 means "wait forever" to the provider; SQLite's largest wait is the closest it has.
        var seconds = connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30;
        var busyMilliseconds = seconds <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, seconds * 1000L);
        return "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = "
            + busyMilliseconds.ToString(CultureInfo.InvariantCulture) + ";";
    }
}
