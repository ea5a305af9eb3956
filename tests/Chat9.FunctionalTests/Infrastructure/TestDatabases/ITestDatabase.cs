namespace Chat9.FunctionalTests.Infrastructure.TestDatabases;

public enum DatabaseKind
{
    Sqlite,
    SqlServer,
}

/// <summary>A real, empty database for one test fixture, described as server configuration.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    DatabaseKind Kind { get; }

    /// <summary>Configuration that points the server (and the admin CLI) at this database and a private data folder.</summary>
    IReadOnlyDictionary<string, string?> Configuration { get; }

    static async Task<ITestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.SqlServer => await SqlServerContainerTestDatabase.CreateAsync(),
        _ => SqliteTestDatabase.Create(),
    };
}
