using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Chat;

/// <summary>The up-front checks of <c>POST /chat/debug</c> (the same as <c>POST /chat</c>).</summary>
public sealed class ChatDebugTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    [TestCase("""{"question":""}""")]
    [TestCase("""{"question":"   \u200B  "}""")]
    [TestCase("""{}""")]
    public async Task EmptyQuestion_Is422MessageRequired(string body)
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        await ProblemAssert.IsProblemAsync(await client.PostAsync("/chat/debug", Json(body)), HttpStatusCode.UnprocessableEntity, "message_required");
    }

    [Test]
    public async Task QuestionOverTheLimit_Is413WithMaxChars_ButExactlyTheLimitIsFine()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var over = await client.PostAsync("/chat/debug", Json(JsonSerializer.Serialize(new { question = new string('a', 1001) })));
        var atLimit = await client.PostAsync("/chat/debug", Json(JsonSerializer.Serialize(new { question = string.Concat(Enumerable.Repeat("é", 1000)) })));

        var problem = await ProblemAssert.IsProblemAsync(over, HttpStatusCode.RequestEntityTooLarge, "message_too_long");
        Assert.That(problem.GetProperty("max_chars").GetInt32(), Is.EqualTo(1000));
        Assert.That(atLimit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("not-a-uuid")]
    [TestCase("0196a0c15b7e7c3a8d216f0e4a9b2c13")]
    public async Task MalformedSessionId_Is422SessionInvalid(string sessionId)
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var response = await client.PostAsync("/chat/debug", Json(JsonSerializer.Serialize(new { question = "hello there", session_id = sessionId })));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "session_invalid");
    }

    [Test]
    public async Task UnknownSession_Is409SessionNotFound()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var response = await client.PostAsync("/chat/debug", Json(JsonSerializer.Serialize(new { question = "hello there", session_id = Guid.NewGuid() })));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "session_not_found");
    }

    [Test]
    public async Task ABotWithoutDocuments_GetsAnEmptyRetrievalWithZeroConfidence()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var debug = await client.DebugAsync("how do I export?");

        var retrieval = debug.GetProperty("retrieval");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retrieval.GetProperty("chunks").GetArrayLength(), Is.Zero);
            Assert.That(retrieval.GetProperty("confidence").GetDouble(), Is.Zero);
            Assert.That(retrieval.GetProperty("low_confidence_threshold").GetDouble(), Is.EqualTo(0.35));
            Assert.That(debug.GetProperty("question").GetString(), Is.EqualTo("how do I export?"));
            Assert.That(debug.GetProperty("timings_ms").GetProperty("total").GetDouble(), Is.GreaterThanOrEqualTo(0));
        }
    }
}
