using System.Text;
using Chat9.Domain.Documents;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Faults;

/// <summary>
/// Fault family 1, the embedding model, during ingestion: whatever way it fails, the document still ends
/// <c>ready</c> with all its chunks, searchable lexically at once (a question's retrieval reports mode
/// <c>lexical</c> and finds it), and its embeddings are filled in by the idle worker once the model answers again
/// (docs/knowledge.md "Vectors"). The plain HTTP 500 case is <see cref="Documents.HybridRetrievalTests"/>.
/// </summary>
public sealed class EmbeddingModelFaultTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(
        _model,
        ("Models:AnswerModel", "none"),
        ("Models:EmbeddingModel", "fake-embed"),
        ("Models:MaxRetries", "0"),
        ("Models:EmbeddingTimeoutSeconds", "1"),
        ("Models:BreakerFailures", "1000"),
        ("Models:BreakerOpenSeconds", "1"));

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [SetUp]
    public void ResetModel() => _model.Reset();

    public static IEnumerable<TestCaseData> Faults() =>
    [
        new TestCaseData((Action<FakeOpenAIServer>)(m => m.AlwaysStatus = 503)).SetArgDisplayNames("HTTP 503"),
        new TestCaseData((Action<FakeOpenAIServer>)(m => m.AlwaysStatus = 429)).SetArgDisplayNames("HTTP 429"),
        new TestCaseData((Action<FakeOpenAIServer>)(m => m.ResponseDelay = TimeSpan.FromSeconds(3))).SetArgDisplayNames("slower than the embedding timeout"),
        new TestCaseData((Action<FakeOpenAIServer>)(m => m.MalformedJson = true)).SetArgDisplayNames("truncated JSON"),
        new TestCaseData((Action<FakeOpenAIServer>)(m => m.MissingEmbeddings = 1)).SetArgDisplayNames("one vector short"),
    ];

    [TestCaseSource(nameof(Faults))]
    public async Task EmbeddingsFailingDuringIngestion_LeaveTheDocumentReadyAndSearchableLexically_AndAreFilledInLater(Action<FakeOpenAIServer> arrange)
    {
        var bot = await CreateBotAsync("Embedding faults");
        using var client = ClientWithKey(bot.ApiKey);
        arrange(_model);
        Guid id;
        StoredDocument whileDown;
        System.Text.Json.JsonElement retrieval;
        try
        {
            id = await client.UploadOkAsync("sync.md", Encoding.UTF8.GetBytes("# Sync\n\nNotes synchronise across devices within seconds when you are online."));
            var processed = await client.WaitUntilProcessedAsync(id);
            Assert.That(processed.GetProperty("status").GetString(), Is.EqualTo("ready"), processed.ToString());
            whileDown = (await StoredState.ReadAsync(Factory.Services, bot.Id)).AssertConsistent().Document(id);
            retrieval = (await client.DebugAsync("synchronise devices")).GetProperty("retrieval");
        }
        finally
        {
            _model.Reset();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileDown.Status, Is.EqualTo(DocumentStatus.Ready));
            Assert.That(whileDown.StoredChunks, Is.EqualTo(whileDown.ChunkCount).And.GreaterThan(0));
            Assert.That(whileDown.EmbeddedChunks, Is.Zero, "no vector was stored from a failed call");
            Assert.That(retrieval.GetProperty("mode").GetString(), Is.EqualTo("lexical"), "the question could not be embedded either");
            Assert.That(retrieval.GetProperty("chunks")[0].GetProperty("document_id").GetGuid(), Is.EqualTo(id), "found lexically");
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        StoredDocument document;
        while ((document = (await StoredState.ReadAsync(Factory.Services, bot.Id)).Document(id)).EmbeddedChunks < document.ChunkCount)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the missing embeddings were never filled in");
            await Task.Delay(100);
        }

        Assert.That((await client.DebugAsync("synchronise devices")).GetProperty("retrieval").GetProperty("mode").GetString(), Is.EqualTo("hybrid"));
    }
}
