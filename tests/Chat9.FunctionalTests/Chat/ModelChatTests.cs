using System.Net;
using System.Text.Json;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Chat9.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Chat;

/// <summary>
/// Chat with an answer model: a fake OpenAI-compatible server on loopback, driven through the real SDK and real
/// streaming. Every case ends with the documented frames and the documented stored state.
/// </summary>
public sealed class ModelChatTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const string Answer = "Open **Settings → Account → Password** [1] to change it. The reset link is valid for 1 hour [1].";

    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(
        _model,
        ("Models:GuardModel", "fake-guard"),
        ("Models:MaxRetries", "1"),
        ("Models:FirstTokenTimeoutSeconds", "2"),
        ("Models:GuardTimeoutSeconds", "2"),
        ("Models:BreakerFailures", "1000"),
        // Failure cases add up across the fixture; a short open period keeps one test's outage out of the next.
        ("Models:BreakerOpenSeconds", "1"),
        ("Limits:SseHeartbeatSeconds", "1"));

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [SetUp]
    public void ResetModel()
    {
        _model.Reset();
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder(Answer);
    }

    [Test]
    public async Task NormalStreaming_SendsTheModelsText_WithoutCitationMarkers_AndCitesTheDocument()
    {
        var bot = await NotewellBotAsync();

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        stream!.AssertWellFormed();
        var done = stream.Done;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Stages, Is.EqualTo(new[] { "thinking", "searching", "writing" }));
            Assert.That(stream.Types.Count(t => t == "chunk"), Is.GreaterThan(3), "the answer streams in pieces");
            Assert.That(done.GetProperty("text").GetString(), Is.EqualTo("Open **Settings → Account → Password** to change it. The reset link is valid for 1 hour."));
            Assert.That(done.GetProperty("sources").GetArrayLength(), Is.EqualTo(1));
        }

        var stored = await StoredMessageAsync(done.GetProperty("message_id").GetGuid());
        Assert.That(stored.Diagnostics!.ModelCalls.Select(c => c.Purpose), Is.SupersetOf(new[] { "guard", "answer", "validation" }));
        Assert.That(stored.TokensUsed, Is.EqualTo(stored.Diagnostics.TokensUsed).And.GreaterThan(0));
        Assert.That(stored.Diagnostics.Answerer, Is.EqualTo("fake-answer"));
    }

    [Test]
    public async Task JsonAnswer_ReportsTheTokensOfEveryModelCall()
    {
        using var client = NotewellClient(await NotewellBotAsync());

        var answer = await AskAsync(client, "How long is the password reset link valid?");

        Assert.That(answer.GetProperty("tokens_used").GetInt32(), Is.GreaterThan(0));
        Assert.That(answer.GetProperty("source_documents").GetArrayLength(), Is.EqualTo(1));
        var request = FakeChatRequest.Parse(System.Text.Json.Nodes.JsonNode.Parse(_model.ChatRequests.Last(r => !r.Body.Contains("json_object")).Body)!, null);
        Assert.That(request.IncludeUsage, Is.True, "streaming calls ask for usage");
    }

    [Test]
    public async Task SlowTokens_StreamAsTheyCome_WithHeartbeatsWhileTheModelThinks()
    {
        var bot = await NotewellBotAsync();
        _model.FirstTokenDelay = TimeSpan.FromMilliseconds(1500);
        _model.TokenDelay = TimeSpan.FromMilliseconds(20);

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        stream!.AssertWellFormed();
        Assert.That(stream.Heartbeats, Is.GreaterThanOrEqualTo(1), ": ping while waiting for the first token");
        Assert.That(stream.Last.GetProperty("type").GetString(), Is.EqualTo("done"));
    }

    [Test]
    public async Task A429ThenSuccess_IsRetried_AndTheVisitorSeesANormalAnswer()
    {
        var bot = await NotewellBotAsync();
        var before = _model.ChatRequests.Count;
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder(Answer, category: "pass");
        _model.FailNext(1, 429, ("Retry-After", "0"));

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        stream!.AssertWellFormed();
        Assert.That(stream.Last.GetProperty("type").GetString(), Is.EqualTo("done"));
        Assert.That(_model.ChatRequests.Count - before, Is.GreaterThanOrEqualTo(3), "guard (refused once, then…), answer and validation calls");
    }

    [Test]
    public async Task AStreamCutMidAnswer_EndsWithError503_AndStoresThePartialAnswerAsInterrupted()
    {
        var bot = await NotewellBotAsync();
        _model.CutStreamAfterChunks = 5;

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        stream!.AssertWellFormed();
        var error = stream.Last;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("error"));
            Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(503));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("temporarily unavailable"));
            Assert.That(stream.Types, Does.Not.Contain("done"));
        }

        var transcript = await TranscriptOfLatestSessionAsync(bot.Id);
        Assert.That(transcript.Select(m => m.Role), Is.EqualTo(new[] { MessageRole.User, MessageRole.Assistant }));
        Assert.That(transcript[1].Interrupted, Is.True);
        Assert.That(transcript[1].Content, Is.EqualTo(stream.ChunkText), "exactly what the visitor was sent");
        Assert.That(transcript[1].TokensUsed, Is.GreaterThan(0), "the partial call's tokens are still recorded");
    }

    [Test]
    public async Task AMalformedChunk_EndsWithError503()
    {
        var bot = await NotewellBotAsync();
        _model.MalformedChunkAfter = 3;

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        stream!.AssertWellFormed();
        Assert.That(stream.Last.GetProperty("code").GetInt32(), Is.EqualTo(503));
    }

    [Test]
    public async Task AModelThatNeverAnswers_TimesOut_Stream503_AndJson503ModelUnavailable_TheQuestionIsKept()
    {
        var bot = await NotewellBotAsync();
        using var client = NotewellClient(bot);
        _model.ChatResponder = request => request.IsJsonMode ? FakeOpenAIServer.ChatModelsResponder(Answer)(request) : Answer;
        _model.FirstTokenDelay = TimeSpan.FromSeconds(30);

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");
        var json = await client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question = "How do I reset my password?" })));

        Assert.That(stream!.AssertWellFormed().Last.GetProperty("code").GetInt32(), Is.EqualTo(503));
        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.ServiceUnavailable, "model_unavailable");
        var transcript = await TranscriptOfLatestSessionAsync(bot.Id);
        Assert.That(transcript.Single().Content, Is.EqualTo("How do I reset my password?"), "the user's message is stored either way");
    }

    [Test]
    public async Task ContentRejectedByTheProvider_EndsWithError422()
    {
        var bot = await NotewellBotAsync();
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder(Answer);
        _model.ContentFilterAfterChunks = 0;

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        Assert.That(stream!.AssertWellFormed().Last.GetProperty("code").GetInt32(), Is.EqualTo(422));
    }

    [Test]
    public async Task NotFoundMarker_TurnsIntoTheLowConfidenceReply()
    {
        var bot = await NotewellBotAsync();
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder("[[NOT_FOUND]] Sorry, the context does not say.");

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        var text = stream!.AssertWellFormed().Done.GetProperty("text").GetString();
        Assert.That(text, Does.Contain("couldn't find this in the documentation"));
        Assert.That(text, Does.Not.Contain("NOT_FOUND").And.Not.Contain("context does not say"));
    }

    [Test]
    public async Task AModelThatRecitesItsSystemPrompt_IsCutOff_AndRefuses()
    {
        var bot = await NotewellBotAsync();
        _model.ChatResponder = request => request.IsJsonMode ? FakeOpenAIServer.ChatModelsResponder(Answer)(request) : "Sure! " + request.SystemPrompt;

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        var done = stream!.AssertWellFormed().Done;
        Assert.That(done.GetProperty("text").GetString(), Does.EndWith("I can't share that."));
        Assert.That(done.GetProperty("text").GetString()!.Length, Is.LessThan(200), "the rules never reach the visitor");
        Assert.That((await StoredMessageAsync(done.GetProperty("message_id").GetGuid())).Outcome, Is.EqualTo(MessageOutcome.Refused));
    }

    [Test]
    public async Task TheGuardModelsOffTopicVerdict_GetsThePoliteRefusal_WithoutCallingTheAnswerModel()
    {
        var bot = await NotewellBotAsync();
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder(Answer, category: "off_topic");
        var before = _model.ChatRequests.Count;

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "Who won the football world cup in 2014?");

        Assert.That(stream!.AssertWellFormed().Done.GetProperty("text").GetString(), Does.Contain("I can only help with questions about Notewell"));
        Assert.That(_model.ChatRequests.Count - before, Is.EqualTo(1), "only the guard was asked");
    }

    [Test]
    public async Task AnUngroundedAnswer_GetsTheCaveat_AndCountsAsLowConfidence()
    {
        var bot = await NotewellBotAsync();
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder(Answer, grounded: false);

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        var done = stream!.AssertWellFormed().Done;
        Assert.That(done.GetProperty("text").GetString(), Does.EndWith("Would you like me to connect you with a human?"));
        Assert.That((await StoredMessageAsync(done.GetProperty("message_id").GetGuid())).Outcome, Is.EqualTo(MessageOutcome.LowConfidence));
    }

    [Test]
    public async Task PersonalData_IsRedactedBeforeItLeaves_AndRestoredInTheReply()
    {
        var bot = await NotewellBotAsync();
        _model.ChatResponder = FakeOpenAIServer.ChatModelsResponder("We will write to [EMAIL_1] about the reset link [1].");

        var (_, stream) = await WidgetChatAsync(bot.PublicId, "My address is ana.lopez@example.com, how long is the password reset link valid?");

        Assert.That(stream!.AssertWellFormed().Done.GetProperty("text").GetString(), Is.EqualTo("We will write to ana.lopez@example.com about the reset link."));
        Assert.That(_model.Requests.Where(r => r.At > TimeSpan.Zero).Select(r => r.Body), Has.None.Contains("ana.lopez@example.com"), "nothing leaves with the address");
    }

    [Test]
    public async Task AClientThatGoesAway_CancelsTheModelCall_AndThePartialAnswerIsStoredAsInterrupted()
    {
        var bot = await NotewellBotAsync();
        _model.TokenDelay = TimeSpan.FromMilliseconds(300);
        var aborted = _model.ChatsAbortedByClient;

        using (var http = new HttpClient { BaseAddress = Client.BaseAddress })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/widget/chat?bot_id={bot.PublicId}")
            {
                Content = Json("""{"message":"How long is the password reset link valid?"}"""),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(body);
            var chunks = 0;
            while (chunks < 2 && await reader.ReadLineAsync() is { } line)
            {
                chunks += line.Contains("\"chunk\"", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<Message> transcript;
        do
        {
            await Task.Delay(100);
            transcript = await TranscriptOfLatestSessionAsync(bot.Id);
        }
        while (transcript.Count < 2 && DateTime.UtcNow < deadline);

        Assert.That(transcript.Select(m => m.Role), Is.EqualTo(new[] { MessageRole.User, MessageRole.Assistant }));
        Assert.That(transcript[1].Interrupted, Is.True);
        Assert.That(transcript[1].Content, Is.Not.Empty);
        Assert.That(_model.ChatsAbortedByClient, Is.GreaterThan(aborted), "the model call was cancelled");
    }

    [Test]
    public async Task AnIdempotentRetryAfterA503_RunsAgainInTheSameSession_WithoutStoringTheQuestionTwice()
    {
        using var client = NotewellClient(await NotewellBotAsync());
        var key = Guid.NewGuid().ToString();
        _model.AlwaysStatus = 500;
        var failed = await PostWithKeyAsync(client, key, "How long is the password reset link valid?");
        _model.AlwaysStatus = null;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let a circuit opened by the outage close again

        var retried = await PostWithKeyAsync(client, key, "How long is the password reset link valid?");

        await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.ServiceUnavailable, "model_unavailable");
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retried.Content.ReadAsStringAsync());
        var sessionId = JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement.GetProperty("session_id").GetGuid();
        var transcript = await TranscriptOfLatestSessionAsync((await NotewellBotAsync()).Id);
        Assert.That(transcript.Select(m => m.Role), Is.EqualTo(new[] { MessageRole.User, MessageRole.Assistant }));
        Assert.That(transcript[0].SessionId, Is.EqualTo(sessionId));
    }

    [Test]
    public async Task ARequestWhoseTwinIsStillRunning_Is409InFlight()
    {
        using var client = NotewellClient(await NotewellBotAsync());
        var key = Guid.NewGuid().ToString();
        _model.TokenDelay = TimeSpan.FromMilliseconds(100);

        var first = PostWithKeyAsync(client, key, "How long is the password reset link valid?");
        await Task.Delay(500);
        var second = await PostWithKeyAsync(client, key, "How long is the password reset link valid?");

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "idempotency_in_flight");
        Assert.That((await first).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
