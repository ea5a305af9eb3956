using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Chat9.FunctionalTests.Persistence;

/// <summary>Each provider has its own migration set; both must match the model (a forgotten migration fails here).</summary>
public sealed class MigrationsTests
{
    [Test]
    public void SqliteMigrations_MatchTheModel()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False,
            "The model changed without a SQLite migration: run build/add-migration.sh <Name>.");
    }

    [Test]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False,
            "The model changed without a SQL Server migration: run build/add-migration.sh <Name>.");
    }

    [Test]
    public void SqlServer_ComparesCallerChosenIdentifiersExactly()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var model = sqlServer.GetService<IDesignTimeModel>().Model;

        string? Collation(Type entity, string property) =>
            model.GetEntityTypes().Single(t => t.ClrType == entity).FindProperty(property)!.GetCollation();

        Assert.That(Collation(typeof(Chat9.Domain.Sessions.SessionUser), "UserId"), Is.EqualTo(SqlServerChat9DbContext.ExactCollation));
        Assert.That(Collation(typeof(Chat9.Infrastructure.Idempotency.IdempotencyRecord), "Key"), Is.EqualTo(SqlServerChat9DbContext.ExactCollation));
        Assert.That(Collation(typeof(Chat9.Domain.Bots.Bot), "PublicId"), Is.EqualTo(SqlServerChat9DbContext.ExactCollation));
        Assert.That(SqlServerChat9DbContext.ExactCollation, Does.Contain("_BIN2"), "binary: case- and accent-sensitive");
    }

    [Test]
    public void BothProviders_HaveTheSameMigrationNames()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext c) => c.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.That(Names(sqlite), Is.EqualTo(Names(sqlServer)), "Add every migration for both providers (build/add-migration.sh).");
    }

    [Test]
    public void SqlServerIdempotentScript_IsProducedOffline()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.That(script, Does.Contain("IF NOT EXISTS").And.Contain("CREATE TABLE [Bots]").And.Contain("CREATE TABLE [ApiKeys]"));
        Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_ApiKeys_Hash]"));
    }

    [Test]
    public async Task SqliteMigrations_CreateAFreshDatabaseFile()
    {
        var folder = Directory.CreateTempSubdirectory("chat9-migrate-");
        try
        {
            var path = Path.Combine(folder.FullName, "fresh.db");
            var options = new DbContextOptionsBuilder<SqliteChat9DbContext>().UseSqlite($"Data Source={path}", DatabaseSetup.ConfigureSqlite).Options;
            await using (var context = new SqliteChat9DbContext(options))
            {
                await context.Database.MigrateAsync();
                Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
                Assert.That(await context.Bots.CountAsync(), Is.Zero);
            }

            Assert.That(File.Exists(path), Is.True);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
