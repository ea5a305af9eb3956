using System.Net;
using Chat9.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Chat9.FunctionalTests.Operations;

/// <summary>Readiness must say so when the database cannot be reached, while liveness stays up; a schema older than the
/// code stops the start.</summary>
public sealed class ReadinessTests
{
    [Test]
    public async Task Ready_Is503_WhenTheDatabaseCannotBeOpened()
    {
        var data = Directory.CreateTempSubdirectory("chat9-ready-");
        try
        {
            await using var factory = new Chat9WebApiFactory(new Dictionary<string, string?>
            {
                ["Data:Path"] = data.FullName,
                ["Database:ApplyMigrationsOnStartup"] = "false",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(data.FullName, "missing-folder", "chat9.db")};Mode=ReadWrite",
            });
            factory.StartServer();
            using var client = factory.CreateClient();

            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health");

            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Test]
    public void The_server_does_not_start_against_an_older_schema_when_it_may_not_migrate()
    {
        var data = Directory.CreateTempSubdirectory("chat9-schema-");
        try
        {
            // A database that exists (it holds another table) but has none of Chat9's migrations.
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.FullName, "chat9.db")};Pooling=false"))
            {
                connection.Open();
                using var create = connection.CreateCommand();
                create.CommandText = "CREATE TABLE Unrelated (Id INTEGER)";
                create.ExecuteNonQuery();
            }

            using var factory = new Chat9WebApiFactory(new Dictionary<string, string?>
            {
                ["Data:Path"] = data.FullName,
                ["Database:ApplyMigrationsOnStartup"] = "false",
            });

            var failure = Assert.Catch(factory.StartServer);

            Assert.That(failure!.ToString(), Does.Contain("The database schema is not current").And.Contain("db migrate"));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
