using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chat9.FunctionalTests.Infrastructure;

namespace Chat9.FunctionalTests.FirstRun;

/// <summary>Killing the real server while it processes a document, then starting it again, still ends with the document ready.</summary>
public sealed partial class ServerRestartTests
{
    [Test]
    public async Task KilledMidIngestion_TheRestartedServerFinishesTheDocument()
    {
        var data = Directory.CreateTempSubdirectory("chat9-restart-");
        var environment = new Dictionary<string, string>
        {
            ["Ingestion__LeaseSeconds"] = "2",
            ["Ingestion__PollSeconds"] = "0.2",
            // The test polls the document every 10 ms; keep the management rate limit out of its way.
            ["RateLimits__ManagementPerKeyPerMinute"] = "100000",
        };
        try
        {
            var port = ServerProcess.FreePort();
            Guid documentId;
            string apiKey;
            string statusWhenKilled;
            await using (var server = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                apiKey = ApiKeyLine().Match(server.Output).Groups[1].Value;
                using var client = server.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                documentId = await client.UploadOkAsync("big.md", Encoding.UTF8.GetBytes(LargeMarkdown()));
                statusWhenKilled = await WaitWhileQueuedAsync(client, documentId);
                await server.KillAsync();
            }

            await using (var restarted = await ServerProcess.StartAsync(data.FullName, port, environment))
            {
                using var client = restarted.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                var document = await client.WaitUntilProcessedAsync(documentId, TimeSpan.FromSeconds(90));

                Assert.That(statusWhenKilled, Is.EqualTo("processing"), "the kill must land during processing for this test to mean anything");
                Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
                Assert.That(document.GetProperty("chunk_count").GetInt32(), Is.GreaterThan(100));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>Polls until the worker has taken the document (returns "processing", or whatever it found if it was faster).</summary>
    private static async Task<string> WaitWhileQueuedAsync(HttpClient client, Guid documentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = JsonDocument.Parse(await client.GetStringAsync($"/documents/{documentId}")).RootElement.GetProperty("status").GetString()!;
            if (status != "queued" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>About 4 MB of Markdown: several seconds of chunking with real token counts, so the kill lands mid-way.</summary>
    private static string LargeMarkdown()
    {
        var builder = new StringBuilder();
        for (var section = 0; builder.Length < 4_000_000; section++)
        {
            builder.Append("## Section ").Append(section).Append("\n\n");
            for (var paragraph = 0; paragraph < 4; paragraph++)
            {
                builder.Append("Notewell keeps section ").Append(section).Append(" in sync across devices; paragraph ")
                    .Append(paragraph).Append(" explains exports, imports, sharing and billing in plain words. ")
                    .Append("Every sentence here is ordinary prose so the chunker has real work to do.\n\n");
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"API key       : (ck_[A-Za-z0-9_-]{43})")]
    private static partial Regex ApiKeyLine();
}
