using System.Net;
using Chat9.FunctionalTests.Infrastructure;

namespace Chat9.FunctionalTests.Operations;

/// <summary>Readiness must say so when the database cannot be reached, while liveness stays up.</summary>
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
}
