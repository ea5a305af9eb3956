using System.Net;
using System.Text;
using System.Text.Json;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Faults;

/// <summary>
/// Fault family 6, the client going away mid-stream (sse.md "Client disconnect"), on both streaming endpoints, while
/// the answer streams and while the model has not answered yet: the model call is cancelled, the text generated so
/// far is stored as <c>interrupted</c> with its tokens (nothing when there was none), the question is kept once, the
/// turn lease is released and the next turn of the session is answered. Extends
/// <see cref="ModelChatTests.AClientThatGoesAway_CancelsTheModelCall_AndThePartialAnswerIsStoredAsInterrupted"/>.
/// </summary>
public sealed class ClientDisconnectTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const string Question = PasswordResetQuestion;
    private const string ReplyAsSent = "The reset link in the e-mail is valid for one hour. After that, ask for a new link from the sign-in page.";

    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(
        _model,
        ("Models:FirstTokenTimeoutSeconds", "10"),
        ("Limits:SessionTurnWaitSeconds", "2"),
        ("RateLimits:WidgetSessionInitPerIpPerMinute", "10000"),
        ("RateLimits:WidgetChatPerIpPerMinute", "10000"),
        ("RateLimits:WidgetChatPerBotPerMinute", "10000"));

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [SetUp]
    public void ResetModel()
    {
        _model.Reset();
        _model.ChatReply = ReplyAsSent;
    }

    [TestCase(ChatRoute.Widget, true)]
    [TestCase(ChatRoute.ManagementStream, true)]
    [TestCase(ChatRoute.Widget, false)]
    [TestCase(ChatRoute.ManagementStream, false)]
    public async Task AClientThatGoesAway_CancelsTheModelCall_StoresWhatWasGenerated_AndReleasesTheSession(ChatRoute route, bool midAnswer)
    {
        var bot = await PasswordResetBotAsync();
        var init = await Client.PostAsync("/widget/session/init", Json(JsonSerializer.Serialize(new { bot_id = bot.PublicId })));
        var session = JsonDocument.Parse(await init.Content.ReadAsStringAsync()).RootElement.GetProperty("session_id").GetGuid();
        if (midAnswer)
        {
            _model.TokenDelay = TimeSpan.FromMilliseconds(200);
        }
        else
        {
            _model.FirstTokenDelay = TimeSpan.FromSeconds(8);
        }

        var aborted = _model.ChatsAbortedByClient;
        var received = new StringBuilder();
        using (var http = new HttpClient { BaseAddress = Client.BaseAddress })
        using (var request = ChatCalls.Request(route, bot.PublicId, bot.ApiKey, Question, session))
        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var chunks = 0;
            while (await reader.ReadLineAsync() is { } line)
            {
                received.Append(line).Append('\n');
                chunks += line.Contains("\"type\":\"chunk\"", StringComparison.Ordinal) ? 1 : 0;
                if (midAnswer ? chunks == 2 : line.Contains("\"stage\":\"searching\"", StringComparison.Ordinal))
                {
                    break;
                }
            }

            if (!midAnswer)
            {
                await WaitForAsync(() => _model.ChatRequests.Any(r => r.Body.Contains(Question, StringComparison.Ordinal)), "the model call to start");
            }
        }

        // Leaving the using blocks closed the connection.
        StoredSession stored = null!;
        await WaitForAsync(async () => _model.ChatsAbortedByClient > aborted
            && (stored = (await StoredState.ReadAsync(Factory.Services, bot.Id)).Session(session)).TurnLeaseId is null
            && stored.Messages.Count == (midAnswer ? 2 : 1), "the turn to end");

        // The stream was left mid-way: the frames read so far, each one complete.
        var sent = string.Concat(SseStream.Parse(received + "\n").Frames
            .Where(f => f.GetProperty("type").GetString() == "chunk").Select(f => f.GetProperty("text").GetString()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.ToString(), Does.Not.Contain("\"done\""));
            Assert.That(stored.UserMessages.Select(m => m.Content), Is.EqualTo(new[] { Question }), "the question, kept once");
            if (midAnswer)
            {
                var partial = stored.AssistantMessages.Single();
                Assert.That(partial.Interrupted, Is.True);
                Assert.That(partial.Content, Does.StartWith(sent), "at least what the client was sent");
                Assert.That(ReplyAsSent.StartsWith(partial.Content, StringComparison.Ordinal) && partial.Content != ReplyAsSent, Is.True,
                    $"a beginning of the answer, not all of it: {partial.Content}");
                Assert.That(partial.TokensUsed, Is.GreaterThan(0), "the partial call's tokens are recorded");
            }
            else
            {
                Assert.That(stored.AssistantMessages, Is.Empty, "no text was generated, so none is stored");
            }
        }

        _model.Reset();
        _model.ChatReply = ReplyAsSent;
        var next = await ChatCalls.SendAsync(Client, ChatRoute.ManagementJson, bot.PublicId, bot.ApiKey, "And after an hour?", session);
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), await next.Content.ReadAsStringAsync());
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

}
