using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Gaps;

/// <summary>
/// The Gap Analyzer with models on a fake OpenAI-compatible server: questions are clustered by their embeddings, the
/// guard model writes titles and drafts, and what leaves for the models is PII-redacted.
/// </summary>
public sealed class GapAnalyzerModelTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const string ModelTitle = "Google calendar sync";
    private const string ModelDraft = "## Google calendar sync\n\nOpen **Settings → Calendar** [1].";

    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(_model,
        ("Models:GuardModel", "fake-guard"), ("Models:EmbeddingModel", "fake-embedding"), ("Gaps:EmbeddingSimilarity", "0.6"));

    protected override async Task BeforeServerStartsAsync()
    {
        _model = await FakeOpenAIServer.StartAsync();
        var chat = FakeOpenAIServer.ChatModelsResponder();
        _model.ChatResponder = request => request.SystemPrompt.Contains("gap title", StringComparison.Ordinal)
            ? new JsonObject { ["title"] = ModelTitle }.ToJsonString()
            : request.SystemPrompt.Contains("documentation section", StringComparison.Ordinal) ? ModelDraft : chat(request);
    }

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [Test]
    public async Task Embeddings_cluster_the_questions_and_the_model_writes_the_title_and_the_draft()
    {
        var bot = await CreateBotAsync("Gadget");
        using var client = ClientWithKey(bot.ApiKey);
        var id = await client.UploadOkAsync("printing.md", Encoding.UTF8.GetBytes("# Printing\n\nChoose **File → Print** to print a note."));
        await client.WaitUntilProcessedAsync(id);
        string[] questions = ["How do I sync my Google calendar? Mail me at ana@example.com", "Can I sync my Google calendar?"];
        foreach (var question in questions)
        {
            var answer = await AskAsync(client, question);
            var outcome = (await StoredMessageAsync(answer.GetProperty("message_id").GetGuid())).Outcome;
            Assert.That(outcome, Is.AnyOf(MessageOutcome.NoDocuments, MessageOutcome.LowConfidence), question);
        }

        _model.ClearRequests();
        var job = await ReadJsonAsync(await client.PostAsync("/gap-analyzer/recalculate", null));
        await WaitForJobAsync(client, job.GetProperty("job_id").GetString()!);
        var gaps = (await ReadJsonAsync(await client.GetAsync("/gap-analyzer"))).GetProperty("items").EnumerateArray().ToList();

        Assert.That(gaps, Has.Count.EqualTo(1));
        Assert.That(gaps[0].GetProperty("title").GetString(), Is.EqualTo(ModelTitle));
        Assert.That(gaps[0].GetProperty("question_count").GetInt32(), Is.EqualTo(2));
        var embedded = _model.Requests.Where(r => r.PathAndQuery.Contains("embeddings", StringComparison.Ordinal)).Select(r => r.Body).ToList();
        Assert.That(embedded, Has.Some.Contains("Can I sync my Google calendar?"), "the questions were embedded for clustering");
        Assert.That(_model.Requests.Select(r => r.Body), Has.None.Contains("ana@example.com"), "PII never leaves for a model");

        var response = await client.PostAsync($"/gap-analyzer/{gaps[0].GetProperty("id").GetString()}/draft", null);
        var draft = await ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), draft.ToString());
        Assert.That(draft.GetProperty("generated_by").GetString(), Is.EqualTo("model"));
        Assert.That(draft.GetProperty("markdown").GetString(), Is.EqualTo(ModelDraft));
    }

    [Test]
    public async Task When_the_model_fails_the_title_and_draft_fall_back_to_the_offline_forms()
    {
        var bot = await CreateBotAsync("Fallback");
        using var client = ClientWithKey(bot.ApiKey);
        foreach (var question in new[] { "Is there a dark mode?", "How do I switch on dark mode?" })
        {
            await AskAsync(client, question);
        }

        _model.AlwaysStatus = 500;
        try
        {
            var job = await ReadJsonAsync(await client.PostAsync("/gap-analyzer/recalculate", null));
            await WaitForJobAsync(client, job.GetProperty("job_id").GetString()!);
            var gap = (await ReadJsonAsync(await client.GetAsync("/gap-analyzer"))).GetProperty("items").EnumerateArray().Single();
            var draft = await ReadJsonAsync(await client.PostAsync($"/gap-analyzer/{gap.GetProperty("id").GetString()}/draft", null));

            Assert.That(gap.GetProperty("title").GetString(), Is.AnyOf("Is there a dark mode?", "How do I switch on dark mode?"));
            Assert.That(draft.GetProperty("generated_by").GetString(), Is.EqualTo("template"));
        }
        finally
        {
            _model.AlwaysStatus = null;
        }
    }

    private static async Task WaitForJobAsync(HttpClient client, string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await ReadJsonAsync(await client.GetAsync($"/gap-analyzer/jobs/{jobId}"));
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("succeeded"), job.ToString());
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), job.ToString());
            await Task.Delay(100);
        }
    }
}

/// <summary>Recalculation requests while no worker runs (<c>Jobs:Workers = 0</c>): the queued job is returned, not a second one.</summary>
public sealed class GapRecalculationQueueTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Jobs:Workers"] = "0" };

    [Test]
    public async Task A_queued_recalculation_is_returned_instead_of_a_new_one()
    {
        var bot = await CreateBotAsync("Queue");
        using var client = ClientWithKey(bot.ApiKey);
        var other = await CreateBotAsync("Other queue");
        using var otherClient = ClientWithKey(other.ApiKey);

        var first = await client.PostAsync("/gap-analyzer/recalculate", null);
        var second = await client.PostAsync("/gap-analyzer/recalculate", null);
        var elsewhere = await otherClient.PostAsync("/gap-analyzer/recalculate", null);
        var job = await ReadJsonAsync(first);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("queued"));
        Assert.That(job.GetProperty("started_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await ReadJsonAsync(second)).GetProperty("job_id").GetString(), Is.EqualTo(job.GetProperty("job_id").GetString()));
        Assert.That((await ReadJsonAsync(elsewhere)).GetProperty("job_id").GetString(), Is.Not.EqualTo(job.GetProperty("job_id").GetString()), "one job per bot");
        var polled = await ReadJsonAsync(await client.GetAsync($"/gap-analyzer/jobs/{job.GetProperty("job_id").GetString()}"));
        Assert.That(polled.GetProperty("status").GetString(), Is.EqualTo("queued"));
    }
}
