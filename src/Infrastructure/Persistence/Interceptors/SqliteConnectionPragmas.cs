using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat9.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Puts every SQLite connection in write-ahead-log mode: readers never wait for the writer and a commit appends to
/// the log instead of rewriting pages, which is what lets chat turns, ingestion and dashboards share one file.
/// <c>synchronous = FULL</c> keeps every committed message durable across a power loss, not just a process crash.
/// <c>busy_timeout</c> lets SQLite itself wait for the write lock in short steps (1 ms upwards); without it the
/// provider retries a busy write only every 150 ms, which under concurrent chat turns made every turn wait.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
