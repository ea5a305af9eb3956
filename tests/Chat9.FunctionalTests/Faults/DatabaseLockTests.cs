using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Testing;

namespace Chat9.FunctionalTests.Faults;

/// <summary>
/// Fault family 2, the database busy: another connection holds SQLite's write lock for longer than the server's busy
/// timeout (the connection string's <c>Default Timeout</c>, 1 s here). Every write the request needs fails, so the
/// request must end with <c>503 database_unavailable</c> and <c>Retry-After</c> (never a 500, never a 200 stream),
/// leave nothing half-stored, and succeed when sent again once the lock is gone.
/// </summary>
public sealed class DatabaseLockTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const int BusyTimeoutSeconds = 1;

    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(FakeAnswerModelSettings(_model))
    {
        ["Database:ConnectionString"] = $"Data Source={DatabaseFile};Default Timeout={BusyTimeoutSeconds}",
        ["RateLimits:WidgetSessionInitPerIpPerMinute"] = "10000",
        ["RateLimits:WidgetChatPerIpPerMinute"] = "10000",
        ["RateLimits:WidgetChatPerBotPerMinute"] = "10000",
        ["RateLimits:UploadsPerBotPerHour"] = "10000",
    };

    private string DatabaseFile => Path.Combine(((SqliteTestDatabase)Database).DataPath, "chat9.db");

    protected override async Task BeforeServerStartsAsync()
    {
        if (DatabaseKind != DatabaseKind.Sqlite)
        {
            Assert.Ignore("SQLite's file lock; SQL Server lock and command timeouts map to the same problem (StorageFailures).");
        }

        _model = await FakeOpenAIServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopModelAsync()
    {
        if (_model is not null)
        {
            await _model.DisposeAsync();
        }
    }

    [SetUp]
    public void ResetModel() => _model.Reset();

    public static IEnumerable<TestCaseData> Requests() =>
    [
        new TestCaseData("POST /widget/session/init").SetArgDisplayNames("widget session init"),
        new TestCaseData("POST /documents").SetArgDisplayNames("upload"),
        new TestCaseData("POST /widget/chat").SetArgDisplayNames("widget chat, new session"),
        new TestCaseData("POST /widget/chat in a session").SetArgDisplayNames("widget chat, existing session"),
        new TestCaseData("POST /chat").SetArgDisplayNames("chat JSON, new session"),
        new TestCaseData("POST /chat in a session").SetArgDisplayNames("chat JSON, existing session"),
        new TestCaseData("POST /chat stream in a session").SetArgDisplayNames("chat SSE, existing session"),
    ];

    [TestCaseSource(nameof(Requests))]
    public async Task AWriteLockHeldPastTheBusyTimeout_Is503DatabaseUnavailable_NothingIsHalfStored_AndTheSameRequestThenSucceeds(string request)
    {
        var bot = await CreateBotAsync(request);
        using var management = ClientWithKey(bot.ApiKey);
        // The key's use is recorded now (a write), so the locked request fails at its own writes.
        Assert.That((await management.GetAsync("/documents")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Guid? session = null;
        if (request.EndsWith("in a session", StringComparison.Ordinal))
        {
            var route = request.StartsWith("POST /widget", StringComparison.Ordinal) ? ChatRoute.Widget : ChatRoute.ManagementJson;
            session = await ChatCalls.SessionOfAsync(await ChatCalls.SendAsync(Client, route, bot.PublicId, bot.ApiKey, "First question?"), route);
        }

        var upload = Encoding.UTF8.GetBytes($"# Exports\n\nExport notes to PDF from Settings ({Guid.NewGuid()}).");
        Func<Task<HttpResponseMessage>> send = request switch
        {
            "POST /widget/session/init" => () => Client.PostAsync("/widget/session/init", Json(JsonSerializer.Serialize(new { bot_id = bot.PublicId }))),
            "POST /documents" => () => management.UploadAsync("exports.md", upload),
            "POST /widget/chat" or "POST /widget/chat in a session" => () => ChatCalls.SendAsync(Client, ChatRoute.Widget, bot.PublicId, bot.ApiKey, "How do I export?", session),
            "POST /chat" or "POST /chat in a session" => () => ChatCalls.SendAsync(Client, ChatRoute.ManagementJson, bot.PublicId, bot.ApiKey, "How do I export?", session),
            _ => () => ChatCalls.SendAsync(Client, ChatRoute.ManagementStream, bot.PublicId, bot.ApiKey, "How do I export?", session),
        };
        var before = await StoredState.ReadAsync(Factory.Services, bot.Id);

        HttpResponseMessage locked;
        var waited = Stopwatch.StartNew();
        await using (await SqliteWriteLock.TakeAsync(DatabaseFile))
        {
            locked = await send();
            waited.Stop();
        }

        var afterFailure = await StoredState.ReadAsync(Factory.Services, bot.Id);
        var retried = await send();
        var after = await StoredState.ReadAsync(Factory.Services, bot.Id);

        var problem = await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(locked.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1), "Retry-After");
            Assert.That(problem.GetProperty("retry_after_seconds").GetInt32(), Is.EqualTo((int)locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds));
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10 * BusyTimeoutSeconds)), "the request gives up after about the busy timeout");
            Assert.That(afterFailure.Sessions.Select(s => s.Messages.Count), Is.EqualTo(before.Sessions.Select(s => s.Messages.Count)), "no session and no message stored");
            Assert.That(afterFailure.Documents, Has.Count.EqualTo(before.Documents.Count), "no document stored");
            Assert.That(afterFailure.Sessions.Select(s => s.TurnLeaseId), Has.All.Null, "no turn lease left behind");
            Assert.That((int)retried.StatusCode, Is.EqualTo(request == "POST /documents" ? 202 : 200), await retried.Content.ReadAsStringAsync());
        }

        after.AssertConsistent();
        switch (request)
        {
            case "POST /widget/session/init":
                Assert.That(after.Sessions, Has.Count.EqualTo(before.Sessions.Count + 1));
                break;
            case "POST /documents":
                Assert.That(after.Documents, Has.Count.EqualTo(1));
                break;
            case "POST /widget/chat" or "POST /chat":
                Assert.That(after.Sessions, Has.Count.EqualTo(1), "one session: the failed attempt left none");
                Assert.That(after.Sessions[0].Messages.Select(m => m.Role), Is.EqualTo(new[] { MessageRole.User, MessageRole.Assistant }));
                break;
            default:
                var stored = after.Session(session!.Value);
                Assert.That(stored.UserMessages.Select(m => m.Content), Is.EqualTo(new[] { "First question?", "How do I export?" }), "the question stored once");
                Assert.That(stored.AssistantMessages.Count(), Is.EqualTo(2));
                Assert.That(stored.TurnLeaseId, Is.Null);
                break;
        }
    }

    [Test]
    public async Task AWriteLockTakenMidStream_EndsTheStreamWithAnError500Frame_KeepsTheQuestion_AndTheSessionStaysUsable()
    {
        var bot = await CreateBotAsync("Locked mid-stream");
        using (var management = ClientWithKey(bot.ApiKey))
        {
            var id = await management.UploadOkAsync("exports.md", Encoding.UTF8.GetBytes("# Exports\n\nExport your notes to PDF or Markdown from Settings, then Export."));
            await management.WaitUntilProcessedAsync(id);
        }

        var init = await Client.PostAsync("/widget/session/init", Json(JsonSerializer.Serialize(new { bot_id = bot.PublicId })));
        var session = JsonDocument.Parse(await init.Content.ReadAsStringAsync()).RootElement.GetProperty("session_id").GetGuid();
        _model.TokenDelay = TimeSpan.FromMilliseconds(50);

        // The lock is taken after two chunks, so it is held when the reply is stored, and let go as soon as the
        // terminal frame arrives: the turn's lease release, which follows that frame, then finds the database free.
        var body = new StringBuilder();
        using (var request = ChatCalls.Request(ChatRoute.Widget, bot.PublicId, bot.ApiKey, "How do I export?", session))
        using (var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync()))
        {
            var chunks = 0;
            while (chunks < 2 && await reader.ReadLineAsync() is { } line)
            {
                body.Append(line).Append('\n');
                chunks += line.Contains("\"chunk\"", StringComparison.Ordinal) ? 1 : 0;
            }

            await using (await SqliteWriteLock.TakeAsync(DatabaseFile))
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    body.Append(line).Append('\n');
                    if (line.Contains("\"done\"", StringComparison.Ordinal) || line.Contains("\"error\"", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }

            body.Append(await reader.ReadToEndAsync());
        }

        var stream = SseStream.Parse(body.ToString()).AssertWellFormed();
        Assert.That(stream.ChunkText, Is.EqualTo(FakeOpenAIServer.DefaultChatReply.Replace(" [1]", string.Empty, StringComparison.Ordinal)), "the model's answer was streamed");
        var stored = (await StoredState.ReadAsync(Factory.Services, bot.Id)).AssertConsistent().Session(session);
        var next = await ChatCalls.SendAsync(Client, ChatRoute.Widget, bot.PublicId, bot.ApiKey, "And to Markdown?", session);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Last.GetProperty("type").GetString(), Is.EqualTo("error"), "an error frame, not a cut stream or done");
            Assert.That(stream.Last.GetProperty("code").GetInt32(), Is.EqualTo(500));
            Assert.That(stored.UserMessages.Count(m => m.Content == "How do I export?"), Is.EqualTo(1), "the question is kept, once");
            Assert.That(stored.Messages[^1].Role == MessageRole.User || stored.Messages[^1].Interrupted, Is.True,
                "the answer that could not be stored is absent (or interrupted), never stored as delivered");
            Assert.That(stored.TurnLeaseId, Is.Null, "the lease was released once the database was free");
        }

        var nextStream = await ChatCalls.StreamOfAsync(next);
        Assert.That(nextStream.Last.GetProperty("type").GetString(), Is.EqualTo("done"), "the next turn of the session runs");
    }
}
