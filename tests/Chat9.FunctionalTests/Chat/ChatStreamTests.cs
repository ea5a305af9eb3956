using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Chat;

/// <summary>The answer stream of sse.md, read byte for byte from a raw socket, on both chat endpoints.</summary>
public sealed class ChatStreamTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    [Test]
    public async Task WidgetAnswer_IsAWellFormedStream_WithTheContractHeaders()
    {
        var bot = await NotewellBotAsync();

        var (response, stream) = await WidgetChatAsync(bot.PublicId, "How long is the password reset link valid?");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(200), response.Body);
            Assert.That(response.Header("Content-Type"), Is.EqualTo("text/event-stream; charset=utf-8"));
            Assert.That(response.Header("Cache-Control"), Is.EqualTo("no-cache"));
            Assert.That(response.Header("X-Accel-Buffering"), Is.EqualTo("no"));
            Assert.That(response.Header("Content-Encoding"), Is.Null);
        }

        stream!.AssertWellFormed();
        var done = stream.Done;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Stages, Is.EqualTo(new[] { "thinking", "searching", "writing" }));
            Assert.That(done.GetProperty("text").GetString(), Does.Contain("1 hour"));
            Assert.That(done.GetProperty("session_id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(done.GetProperty("message_id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(done.GetProperty("chat_ended").GetBoolean(), Is.False);
            Assert.That(done.TryGetProperty("ticket_number", out _), Is.False, "omitted when none");
            Assert.That(done.GetProperty("sources")[0].GetProperty("url").GetString(), Is.EqualTo(DocsBase + "account-and-security"));
            Assert.That(done.TryGetProperty("tokens_used", out _), Is.False, "widget frames carry no management fields");
        }
    }

    [Test]
    public async Task ManagementStream_CarriesSourceDocumentsAndTokens_InDone()
    {
        var bot = await NotewellBotAsync();

        var response = await RawHttp.SendAsync(
            Client.BaseAddress!, "POST", "/chat", JsonSerializer.Serialize(new { question = "How many notes can I export at once?" }),
            [("Accept", "text/event-stream"), ("Authorization", "Bearer " + bot.ApiKey)]);

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Body);
        var stream = SseStream.Parse(response.Body).AssertWellFormed();
        Assert.That(stream.Done.GetProperty("source_documents").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(stream.Done.GetProperty("tokens_used").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task GreetingTurn_StreamsTheGreeting_WithoutSearching_AndStoresItFirst()
    {
        var bot = await NotewellBotAsync();

        var (_, stream) = await WidgetChatAsync(bot.PublicId, string.Empty);
        stream!.AssertWellFormed();
        var sessionId = stream.Done.GetProperty("session_id").GetGuid();
        var (again, _) = await WidgetChatAsync(bot.PublicId, string.Empty, sessionId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Stages, Is.EqualTo(new[] { "thinking", "writing" }));
            Assert.That(stream.Done.GetProperty("text").GetString(), Is.EqualTo("Hi! I'm the Notewell assistant. Ask me anything about Notewell."));
            Assert.That(again.StatusCode, Is.EqualTo(422), "an empty message after the greeting is not a greeting turn");
            Assert.That(again.Body, Does.Contain("message_required"));
        }
    }

    [Test]
    public async Task Greeting_IsLocalizedByTheBrowserLocale()
    {
        var bot = await NotewellBotAsync();

        var (_, stream) = await WidgetChatAsync(bot.PublicId, string.Empty, null, ("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"));

        Assert.That(stream!.Done.GetProperty("text").GetString(), Does.StartWith("Hallo"));
    }

    [Test]
    public async Task WidgetErrors_ArePlainProblems_NeverAStream()
    {
        var bot = await NotewellBotAsync();

        var unknownBot = await WidgetChatAsync("ch_doesnotexist00000", "hi");
        var fine = await WidgetChatAsync(bot.PublicId, "hi", null);
        var unknownSession = await WidgetChatAsync(bot.PublicId, "How do I export?", Guid.NewGuid());
        var tooLong = await WidgetChatAsync(bot.PublicId, new string('a', 1001));
        var invalidSession = await RawHttp.SendAsync(Client.BaseAddress!, "POST", $"/widget/chat?bot_id={bot.PublicId}&session_id=xyz", """{"message":"hi"}""");

        using (Assert.EnterMultipleScope())
        {
            AssertProblem(unknownBot.Response, 404, "bot_not_found");
            Assert.That(fine.Response.StatusCode, Is.EqualTo(200));
            AssertProblem(unknownSession.Response, 409, "session_not_found");
            AssertProblem(tooLong.Response, 413, "message_too_long");
            AssertProblem(invalidSession, 422, "session_invalid");
        }
    }

    [Test]
    public async Task AnOriginOutsideAllowedDomains_IsRefused()
    {
        var bot = await CreateBotAsync("Strict", "acme.test");

        var refused = await WidgetChatAsync(bot.PublicId, string.Empty, null, ("Origin", "https://evil.test"));
        var allowed = await WidgetChatAsync(bot.PublicId, string.Empty, null, ("Origin", "https://acme.test"));

        AssertProblem(refused.Response, 403, "origin_not_allowed");
        Assert.That(allowed.Response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task ConcurrentTurnsOfOneSession_AreSerialized_NeverInterleaved()
    {
        using var client = NotewellClient(await NotewellBotAsync());
        var sessionId = (await AskAsync(client, "How do I reset my password?")).GetProperty("session_id").GetGuid();

        var questions = new[] { "How do I export a notebook?", "How do I import from Evernote?", "How do I change my e-mail address?", "How do I sign out everywhere?" };
        var answers = await Task.WhenAll(questions.Select(q => AskAsync(client, q, sessionId)));
        var transcript = await TranscriptAsync(sessionId);

        Assert.That(answers.Select(a => a.GetProperty("session_id").GetGuid()), Has.All.EqualTo(sessionId));
        Assert.That(transcript.Select(m => m.Role.ToString()), Is.EqualTo(Enumerable.Repeat(new[] { "User", "Assistant" }, 5).SelectMany(x => x)), "user and assistant strictly alternate");
    }

    private static void AssertProblem(RawHttpResponse response, int status, string code)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), response.Body);
        Assert.That(response.Header("Content-Type"), Does.StartWith("application/problem+json"));
        Assert.That(JsonDocument.Parse(response.Body).RootElement.GetProperty("code").GetString(), Is.EqualTo(code));
    }
}
