using Chat9.Application.Documents.ClaimNextDocument;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Documents;

/// <summary>
/// The database row is the queue: a worker that dies holding a document loses it to another instance once its lease
/// expires, and the document still ends up ready.
/// </summary>
public sealed class IngestionRecoveryTests(DatabaseKind databaseKind) : QueueOnlyServerTestBase(databaseKind)
{
    [Test]
    public async Task ADocumentClaimedByADeadWorker_IsFinishedByAnotherInstance()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var id = await client.UploadOkAsync("guide.md", TestFiles.Utf8("# Guide\n\nThe dead worker never finished this paragraph about recovery."));

        // A worker takes the document and then "crashes" (never processes, never renews its lease).
        var claimed = await SendAsync(new ClaimNextDocumentCommand("dead-worker"));
        Assert.That(claimed?.DocumentId, Is.EqualTo(id));
        var stuck = await ReadJsonAsync(await client.GetAsync($"/documents/{id}"));
        Assert.That(stuck.GetProperty("status").GetString(), Is.EqualTo("processing"));

        // A second instance on the same database, with a worker.
        var peerConfiguration = new Dictionary<string, string?>(ServerConfiguration) { ["Ingestion:Workers"] = "1" };
        await using var peer = new Chat9WebApiFactory(peerConfiguration);
        peer.StartServer();
        using var peerClient = peer.CreateClient();
        peerClient.DefaultRequestHeaders.Authorization = new("Bearer", bot.ApiKey);
        var finished = await peerClient.WaitUntilProcessedAsync(id, TimeSpan.FromSeconds(30));

        Assert.That(finished.GetProperty("status").GetString(), Is.EqualTo("ready"), finished.ToString());
        var found = (await client.DebugAsync("what did the dead worker never finish")).GetProperty("retrieval").GetProperty("chunks");
        Assert.That(found.GetArrayLength(), Is.GreaterThan(0), "the first instance sees the new chunks through the shared knowledge version");
    }
}

/// <summary>A document whose every claim ends without a result is failed instead of retried forever.</summary>
public sealed class PoisonDocumentTests(DatabaseKind databaseKind) : QueueOnlyServerTestBase(databaseKind)
{
    [Test]
    public async Task ADocumentThatKeepsFailingToFinish_IsFailedAfterTheAttemptLimit()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var id = await client.UploadOkAsync("poison.md", TestFiles.Utf8("# Poison\n\nThis document crashes every worker that touches it."));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.That((await SendAsync(new ClaimNextDocumentCommand($"crashing-worker-{attempt}")))?.DocumentId, Is.EqualTo(id));
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        var fourth = await SendAsync(new ClaimNextDocumentCommand("worker-4"));
        var document = await ReadJsonAsync(await client.GetAsync($"/documents/{id}"));

        Assert.That(fourth, Is.Null);
        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(document.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("processing_failed"));
    }
}

/// <summary>A server that only accepts uploads and never processes them, like a crashed or busy peer.</summary>
public abstract class QueueOnlyServerTestBase(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Ingestion:Workers"] = "0",
        ["Ingestion:LeaseSeconds"] = "1",
    };
}
