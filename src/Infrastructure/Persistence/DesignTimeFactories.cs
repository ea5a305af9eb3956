using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chat9.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without a running server or database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChat9DbContext>
{
    public SqliteChat9DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChat9DbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseSetup.ConfigureSqlite)
            .Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerChat9DbContext>
{
    public SqlServerChat9DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerChat9DbContext>()
            .UseSqlServer("Server=(design-time);Database=Chat9;Trusted_Connection=True;TrustServerCertificate=True", DatabaseSetup.ConfigureSqlServer)
            .Options);
}
