using System.Net;
using System.Text.RegularExpressions;
using Chat9.FunctionalTests.Infrastructure;

namespace Chat9.FunctionalTests.FirstRun;

/// <summary>
/// Starts the real executable as an operator would, twice on the same data folder: the first start seeds the demo bot
/// and prints its key once; the second reuses the database and never prints a key.
/// </summary>
public sealed partial class FirstRunTests
{
    [Test]
    public async Task FirstStart_SeedsTheDemoBotAndPrintsItsKeyOnce_SecondStartReusesIt()
    {
        var data = Directory.CreateTempSubdirectory("chat9-firstrun-");
        try
        {
            var port = ServerProcess.FreePort();
            string first;
            await using (var server = await ServerProcess.StartAsync(data.FullName, port))
            {
                using var http = server.CreateClient();
                Assert.That((await http.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That((await http.GetAsync("/openapi.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That((await http.GetAsync("/docs/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
                first = server.Output;
            }

            string second;
            await using (var server = await ServerProcess.StartAsync(data.FullName, port))
            {
                second = server.Output;
            }

            var publicId = PublicIdLine().Match(first);
            var apiKey = ApiKeyLine().Match(first);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(first, Does.Contain($"Chat9 is running at http://127.0.0.1:{port}"));
                Assert.That(first, Does.Contain("First run: created the demo bot \"Chat9 Demo\"."));
                Assert.That(publicId.Success, Is.True, first);
                Assert.That(apiKey.Success, Is.True, first);
                Assert.That(first, Does.Contain($"API docs      : http://127.0.0.1:{port}/docs"));
                Assert.That(second, Does.Contain(publicId.Value), "the second start prints the same public id");
                Assert.That(second, Does.Not.Contain("API key"));
                Assert.That(second, Does.Not.Contain(apiKey.Groups[1].Value));
                Assert.That(File.Exists(Path.Combine(data.FullName, "chat9.db")), Is.True);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"Bot public id : (ch_[a-z0-9]{16})")]
    private static partial Regex PublicIdLine();

    [GeneratedRegex(@"API key       : (ck_[A-Za-z0-9_-]{43})")]
    private static partial Regex ApiKeyLine();
}
