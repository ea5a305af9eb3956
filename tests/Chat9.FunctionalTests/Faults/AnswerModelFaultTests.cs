using System.Net;
using System.Text;
using System.Text.Json;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Faults;

/// <summary>
/// Fault family 1, the answer model: every way <see cref="FakeOpenAIServer"/> can fail a streamed completion, on the
/// widget stream and on <c>POST /chat</c> as JSON. Each case checks the documented answer (sse.md "error", pipeline.md
/// "Resilience": <c>error</c> 503 / JSON <c>503 model_unavailable</c> for an unavailable model, <c>error</c> 422 / JSON
/// <c>422 content_rejected</c> for refused content), that a call is retried only before any text, and what is stored:
/// the question once, the text produced so far as an <c>interrupted</c> answer (nothing when there was none), the
/// turn lease released, and the session answering its next turn.
/// The open circuit is <see cref="ModelOutageTests"/>; single cases with heartbeats and PII are <see cref="ModelChatTests"/>.
/// </summary>
public sealed class AnswerModelFaultTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const string Question = PasswordResetQuestion;
    private const string Reply = "The reset link in the e-mail is valid for one hour [1]. After that, ask for a new link from the sign-in page [1].";
    private const string ReplyAsSent = "The reset link in the e-mail is valid for one hour. After that, ask for a new link from the sign-in page.";

    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(
        _model,
        ("Models:MaxRetries", "1"),
        ("Models:FirstTokenTimeoutSeconds", "1"),
        ("Models:AnswerTimeoutSeconds", "3"),
        ("Models:BreakerFailures", "1000"),
        ("Models:BreakerOpenSeconds", "1"),
        // A lease left behind shows at once as 409 session_busy on the next turn.
        ("Limits:SessionTurnWaitSeconds", "2"),
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
        _model.ChatReply = Reply;
        await FakeModels.CloseAnswerCircuitAsync(Factory.Services);
    }

    /// <summary>How a turn ends: <c>done</c>, or an <c>error</c> frame with this code.</summary>
    public enum Ending
    {
        Done,
        Unavailable503,
        Rejected422,
    }

    public static IEnumerable<TestCaseData> Faults()
    {
        var faults = new (string Name, Action<FakeOpenAIServer> Arrange, Ending Ending, int Attempts, bool Partial)[]
        {
            ("HTTP 500 on every call", m => m.AlwaysStatus = 500, Ending.Unavailable503, 2, false),
            ("HTTP 503 once, then an answer", m => m.FailNext(1, 503), Ending.Done, 2, false),
            ("HTTP 429 on every call", m => m.AlwaysStatus = 429, Ending.Unavailable503, 2, false),
            ("HTTP 401 (bad key): not retried", m => m.AlwaysStatus = 401, Ending.Unavailable503, 1, false),
            ("HTTP 400 without a content code: not retried", m => m.AlwaysStatus = 400, Ending.Unavailable503, 1, false),
            ("no response headers within the first-token timeout", m => m.ResponseDelay = TimeSpan.FromSeconds(5), Ending.Unavailable503, 2, false),
            ("no first token within the first-token timeout", m => m.FirstTokenDelay = TimeSpan.FromSeconds(5), Ending.Unavailable503, 2, false),
            ("tokens too slow for the total timeout", m => m.TokenDelay = TimeSpan.FromMilliseconds(250), Ending.Unavailable503, 1, true),
            ("connection cut before any text", m => m.CutStreamAfterChunks = 0, Ending.Unavailable503, 2, false),
            ("connection cut mid-answer: not retried", m => m.CutStreamAfterChunks = 5, Ending.Unavailable503, 1, true),
            ("stream ended cleanly before any text", m => m.EndStreamAfterChunks = 0, Ending.Unavailable503, 2, false),
            ("stream ended cleanly mid-answer, no finish reason", m => m.EndStreamAfterChunks = 5, Ending.Unavailable503, 1, true),
            ("garbage chunk before any text", m => m.MalformedChunkAfter = 0, Ending.Unavailable503, 1, false),
            ("garbage chunk mid-answer", m => m.MalformedChunkAfter = 5, Ending.Unavailable503, 1, true),
            ("content filter before any text", m => m.ContentFilterAfterChunks = 0, Ending.Rejected422, 1, false),
            ("content filter mid-answer", m => m.ContentFilterAfterChunks = 5, Ending.Rejected422, 1, true),
            ("request refused: 400 content_filter", m => m.ContentFilterNext(1), Ending.Rejected422, 1, false),
            ("request refused: 400 invalid_prompt", m => m.ContentFilterNext(1, "invalid_prompt"), Ending.Rejected422, 1, false),
            ("no token usage sent", m => m.OmitUsage = true, Ending.Done, 1, false),
        };
        foreach (var route in new[] { ChatRoute.Widget, ChatRoute.ManagementJson })
        {
            foreach (var (name, arrange, ending, attempts, partial) in faults)
            {
                yield return new TestCaseData(route, arrange, ending, attempts, partial).SetArgDisplayNames(route.ToString(), name);
            }
        }
    }

    [TestCaseSource(nameof(Faults))]
    public async Task AFailingAnswerModel_EndsTheTurnAsDocumented_AndStoresTheQuestionOnce_AndTheSessionGoesOn(
        ChatRoute route, Action<FakeOpenAIServer> arrange, Ending ending, int attempts, bool partial)
    {
        var bot = await PasswordResetBotAsync();
        var session = await NewSessionAsync(bot);
        var callsBefore = _model.ChatRequests.Count;
        arrange(_model);

        var response = await ChatCalls.SendAsync(Client, route, bot.PublicId, bot.ApiKey, Question, session);

        var attemptsMade = _model.ChatRequests.Count - callsBefore;
        string? sent = null;
        if (route == ChatRoute.ManagementJson)
        {
            await AssertJsonAsync(response, ending);
        }
        else
        {
            var stream = await ChatCalls.StreamOfAsync(response);
            sent = stream.ChunkText;
            Assert.That(stream.Last.GetProperty("type").GetString(), Is.EqualTo(ending == Ending.Done ? "done" : "error"));
            if (ending != Ending.Done)
            {
                Assert.That(stream.Last.GetProperty("code").GetInt32(), Is.EqualTo(ending == Ending.Rejected422 ? 422 : 503));
                Assert.That(stream.Last.GetProperty("message").GetString(), Is.Not.Empty);
            }
        }

        Assert.That(attemptsMade, Is.EqualTo(attempts), "calls to the model (retries happen only before any text)");
        var stored = (await StoredState.ReadAsync(Factory.Services, bot.Id)).AssertConsistent().Session(session);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.UserMessages.Select(m => m.Content), Is.EqualTo(new[] { Question }), "the question, stored once");
            Assert.That(stored.TurnLeaseId, Is.Null, "the turn lease was released");
            var answers = stored.AssistantMessages.ToList();
            if (ending == Ending.Done)
            {
                Assert.That(answers.Select(m => (m.Content, m.Interrupted)), Is.EqualTo(new[] { (ReplyAsSent, false) }));
                Assert.That(answers[0].TokensUsed, Is.GreaterThan(0), "usage from the provider, or counted when it sends none");
            }
            else if (partial)
            {
                Assert.That(answers, Has.Count.EqualTo(1));
                Assert.That(answers[0].Interrupted, Is.True, "the text produced so far, marked interrupted");
                Assert.That(answers[0].Content, Is.Not.Empty);
                Assert.That(ReplyAsSent.StartsWith(answers[0].Content, StringComparison.Ordinal), Is.True, $"a beginning of the reply: {answers[0].Content}");
                Assert.That(answers[0].Content, Is.Not.EqualTo(ReplyAsSent));
                if (sent is not null)
                {
                    Assert.That(answers[0].Content, Is.EqualTo(sent), "exactly what the visitor was sent");
                }
            }
            else
            {
                Assert.That(answers, Is.Empty, "no answer text was produced, so none is stored");
            }
        }

        // The session stays open and usable: the next turn is answered.
        _model.Reset();
        _model.ChatReply = Reply;
        await FakeModels.CloseAnswerCircuitAsync(Factory.Services);
        var next = await ChatCalls.SendAsync(Client, ChatRoute.ManagementJson, bot.PublicId, bot.ApiKey, "And how do I ask for a new link?", session);
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), await next.Content.ReadAsStringAsync());
    }

    private static async Task AssertJsonAsync(HttpResponseMessage response, Ending ending)
    {
        switch (ending)
        {
            case Ending.Done:
                var body = await response.Content.ReadAsStringAsync();
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
                Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("text").GetString(), Is.EqualTo(ReplyAsSent));
                break;
            case Ending.Unavailable503:
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "model_unavailable");
                break;
            default:
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "content_rejected");
                break;
        }
    }

    /// <summary>An empty session (from the widget's session/init; <c>POST /chat</c> continues any session of its bot).</summary>
    private async Task<Guid> NewSessionAsync(Application.Bots.CreateBot.CreatedBotDto bot)
    {
        var init = await Client.PostAsync("/widget/session/init", Json(JsonSerializer.Serialize(new { bot_id = bot.PublicId })));
        return JsonDocument.Parse(await init.Content.ReadAsStringAsync()).RootElement.GetProperty("session_id").GetGuid();
    }

}
