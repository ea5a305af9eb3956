using System.Text;
using System.Text.Json;
using Chat9.Application.Common.Interfaces;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Faults;

/// <summary>
/// Fault family 1, the guard and validation model: whatever way it fails, the turn goes on without it (pipeline.md
/// "Resilience": local rules decide alone, the answer is not checked) and ends with <c>done</c> and the model's answer,
/// stored once and complete. The stored diagnostics show which model calls were made.
/// </summary>
public sealed class GuardModelFaultTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const string Question = PasswordResetQuestion;
    private const string Reply = "The reset link is valid for one hour [1].";
    private const string ReplyAsSent = "The reset link is valid for one hour.";

    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(
        _model,
        ("Models:GuardModel", "fake-guard"),
        ("Models:MaxRetries", "0"),
        ("Models:GuardTimeoutSeconds", "1"),
        ("Models:FirstTokenTimeoutSeconds", "5"),
        ("Models:BreakerFailures", "1000"),
        ("Models:BreakerOpenSeconds", "1"),
        ("RateLimits:WidgetSessionInitPerIpPerMinute", "10000"),
        ("RateLimits:WidgetChatPerIpPerMinute", "10000"),
        ("RateLimits:WidgetChatPerBotPerMinute", "10000"));

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [SetUp]
    public async Task ResetModelAsync()
    {
        _model.Reset();
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder(Reply);
        await CloseGuardCircuitAsync();
        await FakeModels.CloseAnswerCircuitAsync(Factory.Services);
    }

    public static IEnumerable<TestCaseData> Faults()
    {
        // A turn calls the guard (classification), then the answer model, then the guard again (grounding check).
        static string Grounding(FakeChatRequest r) => r.IsJsonMode && r.SystemPrompt.Contains("\"grounded\"", StringComparison.Ordinal) ? "grounding" : "other";
        static string Classification(FakeChatRequest r) => r.IsJsonMode && r.SystemPrompt.Contains("\"category\"", StringComparison.Ordinal) ? "classification" : "other";
        var normal = FakeOpenAIServer.ChatModelsResponder(Reply);
        yield return Case("classification: HTTP 500", m => m.FailNext(1, 500), "answer", "validation");
        yield return Case("classification: HTTP 429", m => m.FailNext(1, 429), "answer", "validation");
        yield return Case("classification: content refused (400 content_filter)", m => m.ContentFilterNext(1), "answer", "validation");
        yield return Case("classification: not JSON", m => m.ChatResponder = r => Classification(r) == "classification" ? "Looks fine to me!" : normal(r), "answer", "validation");
        yield return Case("classification: unknown category", m => m.ChatResponder = r => Classification(r) == "classification" ? """{"category":"maybe"}""" : normal(r), "answer", "validation");
        yield return Case("grounding check: the server errs", m => m.ChatResponder = r => Grounding(r) == "grounding" ? throw new InvalidOperationException("down") : normal(r), "guard", "answer");
        yield return Case("grounding check: not JSON", m => m.ChatResponder = r => Grounding(r) == "grounding" ? "yes" : normal(r), "guard", "answer");
        yield return Case("both: truncated JSON bodies", m => m.MalformedJson = true, "answer");
        yield return Case("both: slower than the guard timeout", m => m.FirstTokenDelay = TimeSpan.FromMilliseconds(1500), "answer");
    }

    [TestCaseSource(nameof(Faults))]
    public async Task AFailingGuardModel_IsSkipped_AndTheTurnIsAnsweredAndStoredNormally(Action<FakeOpenAIServer> arrange, string[] purposes)
    {
        var bot = await PasswordResetBotAsync();
        var init = await Client.PostAsync("/widget/session/init", Json(JsonSerializer.Serialize(new { bot_id = bot.PublicId })));
        var session = JsonDocument.Parse(await init.Content.ReadAsStringAsync()).RootElement.GetProperty("session_id").GetGuid();
        arrange(_model);

        var stream = await ChatCalls.StreamOfAsync(await ChatCalls.SendAsync(Client, ChatRoute.Widget, bot.PublicId, bot.ApiKey, Question, session));

        Assert.That(stream.Done.GetProperty("text").GetString(), Is.EqualTo(ReplyAsSent), "the model's answer, without a caveat");
        var stored = (await StoredState.ReadAsync(Factory.Services, bot.Id)).AssertConsistent().Session(session);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.UserMessages.Select(m => m.Content), Is.EqualTo(new[] { Question }));
            Assert.That(stored.AssistantMessages.Select(m => (m.Content, m.Interrupted)), Is.EqualTo(new[] { (ReplyAsSent, false) }));
            Assert.That(stored.AssistantMessages.Single().Diagnostics!.ModelCalls.Select(c => c.Purpose), Is.EqualTo(purposes),
                "only the calls that succeeded are recorded");
            Assert.That(stored.TurnLeaseId, Is.Null);
        }
    }

    private static TestCaseData Case(string name, Action<FakeOpenAIServer> arrange, params string[] purposes) =>
        new TestCaseData(arrange, purposes).SetArgDisplayNames(name);

    /// <summary>Successful classifications straight through the guard model: the guard's breakers see successes (see
    /// <see cref="FakeModels.CloseAnswerCircuitAsync"/>).</summary>
    private async Task CloseGuardCircuitAsync()
    {
        var guard = Factory.Services.GetRequiredService<IGuardModel>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        for (var done = 0; done < 3;)
        {
            if (await guard.ClassifyAsync("Ping?", "Notewell", CancellationToken.None) is not null)
            {
                done++;
            }
            else
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the guard model's circuit never closed");
                await Task.Delay(200);
            }
        }
    }

}
