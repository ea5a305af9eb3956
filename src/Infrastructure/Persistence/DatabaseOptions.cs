namespace Chat9.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server; for SQLite defaults to <c>Data Source=&lt;Data:Path&gt;/chat9.db</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool ApplyMigrationsOnStartup { get; set; } = true;
}

/// <summary>Configuration section <c>Data</c>: where Chat9 keeps its files.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Absolute, or relative to the content root. Holds the SQLite file and the secret-encryption keys.</summary>
    public string Path { get; set; } = "data";
}
