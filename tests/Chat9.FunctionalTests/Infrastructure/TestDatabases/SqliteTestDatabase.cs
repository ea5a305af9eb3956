namespace Chat9.FunctionalTests.Infrastructure.TestDatabases;

/// <summary>A real SQLite file in a private temporary data folder (never the EF in-memory provider).</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private SqliteTestDatabase(string dataPath)
    {
        DataPath = dataPath;
        Configuration = new Dictionary<string, string?>
        {
            ["Data:Path"] = dataPath,
            ["Database:Provider"] = "Sqlite",
        };
    }

    public DatabaseKind Kind => DatabaseKind.Sqlite;

    public string DataPath { get; }

    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public static SqliteTestDatabase Create() =>
        new(Directory.CreateTempSubdirectory("chat9-test-").FullName);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
