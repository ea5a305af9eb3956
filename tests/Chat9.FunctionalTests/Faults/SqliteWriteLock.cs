using Microsoft.Data.Sqlite;

namespace Chat9.FunctionalTests.Faults;

/// <summary>
/// Holds SQLite's write lock on a database file from a connection of the test's own (<c>BEGIN IMMEDIATE</c>, which in
/// WAL mode is the same as <c>BEGIN EXCLUSIVE</c>): readers go on, every writer waits for its busy timeout and then
/// fails with <c>SQLITE_BUSY</c>, as when another process (a backup, the admin CLI, a second server) holds the file.
/// Disposing rolls back and lets go.
/// </summary>
public sealed class SqliteWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteWriteLock(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteWriteLock> TakeAsync(string databaseFile)
    {
        var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return new SqliteWriteLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var rollback = _connection.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
