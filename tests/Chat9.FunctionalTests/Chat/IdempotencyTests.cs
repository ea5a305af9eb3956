using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Chat;

/// <summary><c>Idempotency-Key</c> on <c>POST /chat</c> (management-api.md "Idempotency"), offline.</summary>
public sealed class IdempotencyTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    [Test]
    public async Task TheSameKeyAndBody_ReplaysTheFirstAnswer_WithoutRunningAgain()
    {
        using var client = NotewellClient(await NotewellBotAsync());
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(client, key, "How long is the password reset link valid?");
        var second = await PostWithKeyAsync(client, key, "How long is the password reset link valid?");

        var firstBody = await first.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers.Contains("Idempotency-Replayed"), Is.False);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Headers.GetValues("Idempotency-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
        }

        var sessionId = JsonDocument.Parse(firstBody).RootElement.GetProperty("session_id").GetGuid();
        Assert.That(await TranscriptAsync(sessionId), Has.Count.EqualTo(2), "one question and one answer, not two of each");
    }

    [Test]
    public async Task AStreamingReplay_SendsThinking_OneChunkWithTheWholeText_AndDone()
    {
        var bot = await NotewellBotAsync();
        using var client = NotewellClient(bot);
        var key = Guid.NewGuid().ToString();
        var first = JsonDocument.Parse(await (await PostWithKeyAsync(client, key, "How many notes can I export at once?")).Content.ReadAsStringAsync()).RootElement;

        var replay = await RawHttp.SendAsync(
            Client.BaseAddress!, "POST", "/chat", JsonSerializer.Serialize(new { question = "How many notes can I export at once?" }),
            [("Accept", "text/event-stream"), ("Authorization", "Bearer " + bot.ApiKey), ("Idempotency-Key", key)]);

        var stream = SseStream.Parse(replay.Body).AssertWellFormed();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(replay.Header("Idempotency-Replayed"), Is.EqualTo("true"));
            Assert.That(stream.Types, Is.EqualTo(new[] { "status", "chunk", "done" }));
            Assert.That(stream.ChunkText, Is.EqualTo(first.GetProperty("text").GetString()));
            Assert.That(stream.Done.GetProperty("message_id").GetGuid(), Is.EqualTo(first.GetProperty("message_id").GetGuid()));
        }
    }

    [Test]
    public async Task TheSameKeyWithAnotherBody_Is422KeyReused()
    {
        using var client = NotewellClient(await NotewellBotAsync());
        var key = Guid.NewGuid().ToString();
        await PostWithKeyAsync(client, key, "How do I reset my password?");

        var reused = await PostWithKeyAsync(client, key, "How do I export a notebook?");

        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Test]
    public async Task KeysAreRememberedPerBot()
    {
        using var first = NotewellClient(await NotewellBotAsync());
        using var other = ClientWithKey((await CreateBotAsync("Other")).ApiKey);
        var key = Guid.NewGuid().ToString();
        await PostWithKeyAsync(first, key, "How do I reset my password?");

        var response = await PostWithKeyAsync(other, key, "Something else entirely?");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("Idempotency-Replayed"), Is.False);
    }

    [TestCase("")]
    [TestCase("tab\tkey")]
    public async Task AMalformedKey_Is422ValidationFailed(string key)
    {
        using var client = NotewellClient(await NotewellBotAsync());

        var response = await PostWithKeyAsync(client, key, "How do I reset my password?");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Test]
    public async Task AKeyOver255Characters_Is422ValidationFailed()
    {
        using var client = NotewellClient(await NotewellBotAsync());

        var response = await PostWithKeyAsync(client, new string('k', 256), "How do I reset my password?");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
    }
}
