using System.Text;
using Chat9.Domain.Jobs;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Knowledge;

/// <summary>
/// The knowledge profile and FAQ suggestions with the guard model on a fake OpenAI-compatible server: the model
/// extracts the profile and adds pairs per document, an outage falls back to the heuristics, and the chat uses the
/// profile (product name, topics, glossary).
/// </summary>
public sealed class KnowledgeModelTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const string Guide = """
        # Zenpad Guide

        Zenpad is a writing app for teams.

        ## How do I export a draft?

        Open the draft and choose **Export**.
        """;

    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(_model,
        ("Models:GuardModel", "fake-guard"), ("Models:MaxRetries", "0"), ("Jobs:KnowledgeRefreshDelaySeconds", "0"));

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [SetUp]
    public void ScriptTheModels() => _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder();

    [TearDown]
    public void ResetTheModels() => _model.Reset();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [Test]
    public async Task The_model_extracts_the_profile_and_the_chat_uses_it()
    {
        var bot = await CreateBotAsync("Zenpad Assistant");
        using var management = ClientWithKey(bot.ApiKey);
        await management.PatchAsync("/bot", Json("""{"instructions": "Always call the product {product_name}."}"""));

        await UploadReadyAsync(management, Guide);
        var profile = await ProfileEndpointsTests.WaitForExtractionAsync(management, after: null);
        _model.ClearRequests();
        await AskAsync(management, "How do I export a draft?");

        var prompts = _model.ChatRequests.Select(r => FakeChatRequest.Parse(System.Text.Json.Nodes.JsonNode.Parse(r.Body)!, null)).ToList();
        var guard = prompts.Single(p => p.SystemPrompt.Contains("\"category\"", StringComparison.Ordinal));
        var answer = prompts.Single(p => p.Model == "fake-answer");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.GetProperty("extraction_status").GetString(), Is.EqualTo("done"));
            Assert.That(profile.GetProperty("product_name").GetString(), Is.EqualTo("Fake Product"));
            Assert.That(profile.GetProperty("summary").GetString(), Is.EqualTo("Fake Product is described by the fake model."));
            Assert.That(profile.GetProperty("topics")[0].GetString(), Is.EqualTo("Fake topic"));
            Assert.That(profile.GetProperty("glossary")[0].GetProperty("term").GetString(), Is.EqualTo("Fake term"));
            Assert.That(guard.SystemPrompt, Does.Contain("Fake Product. Topics: Fake topic."), "the topic check knows the profile");
            Assert.That(answer.SystemPrompt, Does.Contain("Product: Fake Product")
                .And.Contain("- Fake term: A term the fake model defined.")
                .And.Contain("Always call the product Fake Product."));
        }
    }

    [Test]
    public async Task A_model_outage_falls_back_to_the_heuristics()
    {
        var bot = await CreateBotAsync("Zenpad Assistant");
        using var management = ClientWithKey(bot.ApiKey);
        _model.AlwaysStatus = 503;

        await UploadReadyAsync(management, Guide);
        var jobs = await Factory.WaitUntilIdleAsync(bot.Id);
        var profile = await ReadJsonAsync(await management.GetAsync("/knowledge/profile"));
        var faq = await ReadJsonAsync(await management.GetAsync("/knowledge/faq"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jobs.Select(j => j.Status), Has.All.EqualTo(BotJobStatus.Succeeded), "an outage is no failure");
            Assert.That(profile.GetProperty("extraction_status").GetString(), Is.EqualTo("done"));
            Assert.That(profile.GetProperty("product_name").GetString(), Is.EqualTo("Zenpad"));
            Assert.That(faq.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("question").GetString()), Is.EqualTo(new[] { "How do I export a draft?" }));
        }
    }

    [Test]
    public async Task The_model_adds_pairs_per_document_once()
    {
        var bot = await CreateBotAsync("Zenpad Assistant");
        using var management = ClientWithKey(bot.ApiKey);

        var documentId = await UploadReadyAsync(management, Guide);
        await Factory.WaitUntilIdleAsync(bot.Id);
        var items = (await ReadJsonAsync(await management.GetAsync("/knowledge/faq"))).GetProperty("items").EnumerateArray().ToList();
        _model.ClearRequests();
        Assert.That(await Factory.RunAsync(bot.Id, BotJobKind.FaqGeneration), Is.EqualTo(BotJobStatus.Succeeded));

        var generated = items.Single(i => i.GetProperty("question").GetString() == "What does the fake model say about Zenpad Guide?");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(items.Select(i => i.GetProperty("question").GetString()), Is.EquivalentTo(new[] { "How do I export a draft?", "What does the fake model say about Zenpad Guide?" }));
            Assert.That(generated.GetProperty("answer").GetString(), Is.EqualTo("The fake model read **Zenpad Guide**."));
            Assert.That(generated.GetProperty("source").GetString(), Is.EqualTo("docs"));
            Assert.That(generated.GetProperty("status").GetString(), Is.EqualTo("candidate"));
            Assert.That(generated.GetProperty("source_document_id").GetGuid(), Is.EqualTo(documentId));
            Assert.That(_model.ChatRequests, Is.Empty, "the document was read by the model once");
        }
    }

    private static async Task<Guid> UploadReadyAsync(HttpClient client, string markdown)
    {
        var id = await client.UploadOkAsync("guide.md", Encoding.UTF8.GetBytes(markdown));
        var document = await client.WaitUntilProcessedAsync(id);
        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
        return id;
    }
}
