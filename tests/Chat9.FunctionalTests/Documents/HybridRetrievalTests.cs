using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Documents;

/// <summary>
/// With an embedding model configured (a fake OpenAI-compatible server on loopback, driven through the real SDK),
/// chunks get embeddings and retrieval fuses vectors with BM25; when the model fails, the document is still ready
/// and the embeddings are filled in later.
/// </summary>
public sealed class HybridRetrievalTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Models:Provider"] = "openai_compatible",
        ["Models:Endpoint"] = _model.OpenAIEndpoint,
        ["Models:EmbeddingModel"] = "text-embedding-3-small",
        ["Models:MaxRetries"] = "0",
        ["Models:EmbeddingTimeoutSeconds"] = "2",
        ["Models:BreakerOpenSeconds"] = "1",
        // The backfill test polls /chat/debug; keep the chat rate limit out of its way.
        ["RateLimits:ChatPerKeyPerMinute"] = "10000",
    };

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [Test]
    public async Task ChunksAreEmbedded_AndRetrievalIsHybrid()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);
        var id = await client.UploadOkAsync("export.md", TestFiles.Utf8("# Export\n\nOpen Settings then Export and choose PDF to download your notebooks.\n\n# Billing\n\nInvoices arrive by e-mail every month."));
        await client.WaitUntilProcessedAsync(id);

        var debug = await client.DebugAsync("download notebooks as pdf");

        var retrieval = debug.GetProperty("retrieval");
        var top = retrieval.GetProperty("chunks")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retrieval.GetProperty("mode").GetString(), Is.EqualTo("hybrid"));
            Assert.That(retrieval.GetProperty("low_confidence_threshold").GetDouble(), Is.EqualTo(0.45));
            Assert.That(top.GetProperty("vector_rank").GetInt32(), Is.EqualTo(1));
            Assert.That(top.GetProperty("vector_score").GetDouble(), Is.GreaterThan(0.3));
            Assert.That(top.GetProperty("lexical_rank").GetInt32(), Is.EqualTo(1));
            Assert.That(top.GetProperty("fused_score").GetDouble(), Is.EqualTo(2.0 / 61).Within(1e-6), "first in both rankings");
            Assert.That(retrieval.GetProperty("confidence").GetDouble(), Is.EqualTo(top.GetProperty("vector_score").GetDouble()).Within(1e-4));
            Assert.That(debug.GetProperty("timings_ms").GetProperty("vector").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Number));
            Assert.That(_model.Requests.Any(r => r.PathAndQuery.StartsWith("/v1/embeddings", StringComparison.Ordinal)), Is.True);
        }
    }

    [Test]
    public async Task WhenTheModelFails_DocumentsAreStillReady_AndEmbeddingsAreFilledInLater()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);
        _model.AlwaysStatus = 500;
        try
        {
            var id = await client.UploadOkAsync("sync.md", TestFiles.Utf8("# Sync\n\nNotes synchronise across devices within seconds when you are online."));
            var document = await client.WaitUntilProcessedAsync(id);
            var whileDown = await client.DebugAsync("synchronise devices");

            Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"));
            Assert.That(whileDown.GetProperty("retrieval").GetProperty("mode").GetString(), Is.EqualTo("lexical"), "the query could not be embedded");
            Assert.That(whileDown.GetProperty("retrieval").GetProperty("chunks")[0].GetProperty("document_id").GetGuid(), Is.EqualTo(id));
        }
        finally
        {
            _model.AlwaysStatus = null;
        }

        // Once the model answers again (after the breaker's short break), the idle worker embeds the chunks.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var chunk = (await client.DebugAsync("synchronise devices")).GetProperty("retrieval").GetProperty("chunks")[0];
            if (chunk.GetProperty("vector_rank").ValueKind == System.Text.Json.JsonValueKind.Number)
            {
                Assert.That(chunk.GetProperty("vector_score").GetDouble(), Is.GreaterThan(0));
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the missing embeddings were never filled in");
            await Task.Delay(250);
        }
    }
}
