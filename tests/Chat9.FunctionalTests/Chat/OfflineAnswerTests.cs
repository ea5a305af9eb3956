using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Chat;

/// <summary>The offline (extractive) answerer through <c>POST /chat</c> and <c>POST /widget/chat</c>, over the sample docs.</summary>
public sealed class OfflineAnswerTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    [TestCase("How long is the password reset link valid?", "1 hour", "account-and-security")]
    [TestCase("How many notes can I export at once?", "500 notes", "export-and-import")]
    [TestCase("What is the price of the Plus plan?", "$6 / month", "plans-and-billing")]
    [TestCase("How big can an Evernote ENEX file be when importing?", "250 MB", "export-and-import")]
    public async Task SampleQuestions_AreAnsweredWithTheFact_AndCiteTheRightDocument(string question, string fact, string slug)
    {
        using var client = NotewellClient(await NotewellBotAsync());

        var answer = await AskAsync(client, question);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.GetProperty("text").GetString(), Does.StartWith("Here is what the documentation says:"));
            Assert.That(answer.GetProperty("text").GetString(), Does.Contain(fact));
            Assert.That(answer.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("url").GetString()), Does.Contain(DocsBase + slug));
            Assert.That(answer.GetProperty("source_documents").GetArrayLength(), Is.GreaterThanOrEqualTo(1));
            Assert.That(answer.GetProperty("tokens_used").GetInt32(), Is.Zero, "offline turns use no model tokens");
            Assert.That(answer.GetProperty("chat_ended").GetBoolean(), Is.False);
            Assert.That(answer.GetProperty("ticket_number").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public async Task AnUnrelatedQuestion_GetsTheNotInTheDocsReply_WithTheOfferOfAHuman()
    {
        using var client = NotewellClient(await NotewellBotAsync());

        var answer = await AskAsync(client, "What is the boiling point of mercury on Mars?");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.GetProperty("text").GetString(), Does.Contain("couldn't find this in the documentation"));
            Assert.That(answer.GetProperty("text").GetString(), Does.Contain("connect you with a human"));
            Assert.That(answer.GetProperty("sources").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task ABotWithoutDocuments_SaysSo()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var answer = await AskAsync(client, "How do I export my notes?");

        Assert.That(answer.GetProperty("text").GetString(), Does.Contain("documentation to answer from"));
    }

    [Test]
    public async Task BothMessagesOfATurn_AreStored_WithSourcesScoresAndTimings()
    {
        var bot = await NotewellBotAsync();
        using var client = NotewellClient(bot);

        var answer = await AskAsync(client, "How long is the password reset link valid?");
        var sessionId = answer.GetProperty("session_id").GetGuid();

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Chat9DbContext>();
        var session = await db.Sessions.Include(s => s.Messages).AsNoTracking().SingleAsync(s => s.Id == sessionId);
        var messages = session.Messages.OrderBy(m => m.CreatedAt).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Channel.ToString(), Is.EqualTo("Api"));
            Assert.That(session.Language, Is.EqualTo("en"), "the conversation language is locked by the first message");
            Assert.That(messages.Select(m => m.Role.ToString()), Is.EqualTo(new[] { "User", "Assistant" }));
            Assert.That(messages[0].Content, Is.EqualTo("How long is the password reset link valid?"));
            var reply = messages[1];
            Assert.That(reply.Id, Is.EqualTo(answer.GetProperty("message_id").GetGuid()));
            Assert.That(reply.Outcome.ToString(), Is.EqualTo("Answer"));
            Assert.That(reply.Sources.Select(s => s.Url), Does.Contain(DocsBase + "account-and-security"));
            Assert.That(reply.Confidence, Is.GreaterThan(0));
            Assert.That(reply.Diagnostics, Is.Not.Null);
            Assert.That(reply.Diagnostics!.Answerer, Is.EqualTo("extractive"));
            Assert.That(reply.Diagnostics.Retrieval, Is.Not.Empty);
            Assert.That(reply.Diagnostics.Retrieval.Any(r => r.InContext), Is.True);
            Assert.That(reply.Diagnostics.TimingsMs.Keys, Is.SupersetOf(new[] { "guard", "faq", "retrieval", "generation", "total" }));
        }
    }

    [Test]
    public async Task Offline_NothingLeavesTheServer_SoNothingIsRedactedOrCounted()
    {
        using var client = NotewellClient(await NotewellBotAsync());

        var answer = await AskAsync(client, "I'm ana@example.com, how long is the password reset link valid?");

        var stored = await StoredMessageAsync(answer.GetProperty("message_id").GetGuid());
        Assert.That(stored.Diagnostics!.Redactions.Values, Has.All.Zero);
        Assert.That(stored.Diagnostics.ModelCalls, Is.Empty);
    }

    [Test]
    public async Task AFollowUp_ContinuesTheSession_AndAnEndedOrUnknownSessionIsRefused()
    {
        using var client = NotewellClient(await NotewellBotAsync());
        var first = await AskAsync(client, "How do I set up two-factor authentication?");
        var sessionId = first.GetProperty("session_id").GetGuid();

        var second = await AskAsync(client, "and the backup codes?", sessionId);
        var unknown = await client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question = "hi there", session_id = Guid.NewGuid() })));

        Assert.That(second.GetProperty("session_id").GetGuid(), Is.EqualTo(sessionId));
        Assert.That(second.GetProperty("text").GetString(), Does.Contain("backup codes").IgnoreCase);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Conflict, "session_not_found");
    }

    [TestCase("""{"question":""}""", HttpStatusCode.UnprocessableEntity, "message_required")]
    [TestCase("""{}""", HttpStatusCode.UnprocessableEntity, "message_required")]
    [TestCase("""{"question":"hi","session_id":"nope"}""", HttpStatusCode.UnprocessableEntity, "session_invalid")]
    [TestCase("""{"question":12}""", HttpStatusCode.UnprocessableEntity, "validation_failed")]
    [TestCase("""{"question":""", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task BadRequests_GetProblemsBeforeAnythingRuns(string body, HttpStatusCode status, string code)
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        await ProblemAssert.IsProblemAsync(await client.PostAsync("/chat", Json(body)), status, code);
    }

    [Test]
    public async Task AQuestionOverTheLimit_Is413WithMaxChars()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var response = await client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question = new string('x', 1001) })));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "message_too_long");
        Assert.That(problem.GetProperty("max_chars").GetInt32(), Is.EqualTo(1000));
    }
}
