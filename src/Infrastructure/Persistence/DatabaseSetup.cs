using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Chat9.Infrastructure.Persistence;

/// <summary>Provider options shared by the server, the CLI, the design-time factories and the tests.</summary>
public static class DatabaseSetup
{
    public static void ConfigureSqlite(SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName);

    public static void ConfigureSqlServer(SqlServerDbContextOptionsBuilder sqlServer) =>
        sqlServer.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName).EnableRetryOnFailure(maxRetryCount: 5);
}
