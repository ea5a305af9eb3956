using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.FunctionalTests.Widget;

namespace Chat9.FunctionalTests.ChatLogs;

/// <summary>The chat logs of management-api.md: sessions, transcripts, feedback and the bad-answers list.</summary>
public sealed class ChatLogTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    [Test]
    public async Task The_session_list_summarises_each_conversation_newest_activity_first()
    {
        var bot = await CreateBotAsync("Logs bot");
        using var management = ClientWithKey(bot.ApiKey);
        var apiSession = (await AskAsync(management, "First question from the API")).GetProperty("session_id").GetGuid();
        var widgetSession = Guid.Parse((await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!);
        await WidgetChatAsync(bot.PublicId, string.Empty, widgetSession);
        await WidgetChatAsync(bot.PublicId, new string('q', 250), widgetSession);

        var page = await ReadJsonAsync(await management.GetAsync("/chat/sessions"));

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("session_id").GetGuid()), Is.EqualTo(new[] { widgetSession, apiSession }));
        var widget = items[0];
        Assert.That(widget.GetProperty("message_count").GetInt32(), Is.EqualTo(3), "greeting, question, answer");
        Assert.That(widget.GetProperty("last_question").GetString(), Is.EqualTo(new string('q', 199) + "…"));
        Assert.That(widget.GetProperty("channel").GetString(), Is.EqualTo("widget"));
        Assert.That(widget.GetProperty("mode").GetString(), Is.EqualTo("anonymous"));
        Assert.That(widget.GetProperty("user_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(widget.GetProperty("ticket_number").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(widget.GetProperty("chat_ended").GetBoolean(), Is.False);
        Assert.That(items[1].GetProperty("channel").GetString(), Is.EqualTo("api"));
        Assert.That(items[1].GetProperty("last_question").GetString(), Is.EqualTo("First question from the API"));
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Sessions_filter_by_ticket_feedback_user_channel_and_time()
    {
        var bot = await CreateBotAsync("Filter logs bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        using var management = ClientWithKey(bot.ApiKey);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var identified = (await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_5"))).GetProperty("session_id").GetString()!;
        var escalated = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        await EscalateAsync(bot.PublicId, escalated, new { });
        var rated = await AskAsync(management, "Something to rate");
        await management.PostAsync($"/chat/messages/{rated.GetProperty("message_id").GetGuid()}/feedback", Json("""{"feedback":"down"}"""));

        Assert.That(await SessionIdsAsync(management, "?user_id=u_5"), Is.EqualTo(new[] { identified }));
        Assert.That(await SessionIdsAsync(management, "?has_ticket=true"), Is.EqualTo(new[] { escalated }));
        Assert.That(await SessionIdsAsync(management, "?has_ticket=false"), Has.Count.EqualTo(2));
        Assert.That(await SessionIdsAsync(management, "?feedback=down"), Is.EqualTo(new[] { rated.GetProperty("session_id").GetString() }));
        Assert.That(await SessionIdsAsync(management, "?feedback=up"), Is.Empty);
        Assert.That(await SessionIdsAsync(management, "?channel=api"), Is.EqualTo(new[] { rated.GetProperty("session_id").GetString() }));
        Assert.That(await SessionIdsAsync(management, $"?from={Uri.EscapeDataString(before.ToString("O"))}"), Has.Count.EqualTo(3));
        Assert.That(await SessionIdsAsync(management, $"?to={Uri.EscapeDataString(before.ToString("O"))}"), Is.Empty);

        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/chat/sessions?from=yesterday"), "from");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/chat/sessions?has_ticket=maybe"), "has_ticket");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/chat/sessions?feedback=none"), "feedback");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/chat/sessions?channel=email"), "channel");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/chat/sessions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "from");
    }

    [Test]
    public async Task The_transcript_shows_every_message_with_its_answer_details()
    {
        var notewell = await NotewellBotAsync();
        using var management = NotewellClient(notewell);
        var secret = await RotateIdentitySecretAsync(notewell.PublicId);
        var sessionId = Guid.Parse((await InitOkAsync(notewell.PublicId, IdentityTokens.For(secret, "u_9", email: "ana@example.com", name: "Ana"), userHints: new { plan_tier = "free" })).GetProperty("session_id").GetString()!);
        await WidgetChatAsync(notewell.PublicId, "How do I export my notes to PDF?", sessionId);

        var transcript = await ReadJsonAsync(await management.GetAsync($"/chat/sessions/{sessionId}"));

        Assert.That(transcript.GetProperty("mode").GetString(), Is.EqualTo("identified"));
        Assert.That(transcript.GetProperty("user").ToString(), Is.EqualTo("""{"id":"u_9","email":"ana@example.com","name":"Ana","plan_tier":null,"verified":true}"""));
        Assert.That(transcript.GetProperty("hints").GetProperty("plan_tier").GetString(), Is.EqualTo("free"));
        Assert.That(transcript.GetProperty("language").GetString(), Is.EqualTo("en"));
        var messages = transcript.GetProperty("messages").EnumerateArray().ToList();
        Assert.That(messages.Select(m => m.GetProperty("role").GetString()), Is.EqualTo(new[] { "user", "assistant" }));
        Assert.That(messages[0].GetProperty("outcome").ValueKind, Is.EqualTo(JsonValueKind.Null), "assistant-only members are null on user messages");
        Assert.That(messages[0].GetProperty("feedback").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var answer = messages[1];
        Assert.That(answer.GetProperty("outcome").GetString(), Is.EqualTo("answer"));
        Assert.That(answer.GetProperty("confidence").GetDouble(), Is.GreaterThan(0));
        Assert.That(answer.GetProperty("sources").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(answer.GetProperty("feedback").GetString(), Is.EqualTo("none"));
        Assert.That(answer.GetProperty("interrupted").GetBoolean(), Is.False);
        Assert.That(answer.GetProperty("tokens_used").GetInt32(), Is.Zero, "offline answers use no model tokens");
    }

    [Test]
    public async Task Feedback_rates_answers_clears_and_refuses_visitor_messages()
    {
        var bot = await CreateBotAsync("Feedback bot");
        using var management = ClientWithKey(bot.ApiKey);
        var answer = await AskAsync(management, "How does this work?");
        var messageId = answer.GetProperty("message_id").GetGuid();
        var transcript = await ReadJsonAsync(await management.GetAsync($"/chat/sessions/{answer.GetProperty("session_id").GetGuid()}"));
        var questionId = transcript.GetProperty("messages")[0].GetProperty("id").GetGuid();

        var down = await ReadJsonAsync(await management.PostAsync($"/chat/messages/{messageId}/feedback", Json("""{"feedback":"down","ideal_answer":"  Say how it works.  "}""")));
        var stored = await StoredMessageAsync(messageId);
        var cleared = await ReadJsonAsync(await management.PostAsync($"/chat/messages/{messageId}/feedback", Json("""{"feedback":"none"}""")));

        Assert.That(down.GetProperty("message_id").GetGuid(), Is.EqualTo(messageId));
        Assert.That(down.GetProperty("feedback").GetString(), Is.EqualTo("down"));
        Assert.That(down.GetProperty("ideal_answer").GetString(), Is.EqualTo("Say how it works."));
        Assert.That(stored.Feedback, Is.EqualTo(Domain.Sessions.MessageFeedback.Down));
        Assert.That(cleared.GetProperty("feedback").GetString(), Is.EqualTo("none"));
        Assert.That(cleared.GetProperty("ideal_answer").ValueKind, Is.EqualTo(JsonValueKind.Null));
        await ProblemAssert.IsProblemAsync(await management.PostAsync($"/chat/messages/{questionId}/feedback", Json("""{"feedback":"up"}""")), HttpStatusCode.UnprocessableEntity, "not_assistant_message");
        await ProblemAssert.IsValidationFailureAsync(await management.PostAsync($"/chat/messages/{messageId}/feedback", Json("{}")), "feedback");
        await ProblemAssert.IsValidationFailureAsync(await management.PostAsync($"/chat/messages/{messageId}/feedback", Json("""{"feedback":"meh"}""")), "feedback");
        await ProblemAssert.IsValidationFailureAsync(await management.PostAsync($"/chat/messages/{messageId}/feedback", Json(JsonSerializer.Serialize(new { feedback = "down", ideal_answer = new string('a', 8001) }))), "ideal_answer");
        await ProblemAssert.IsProblemAsync(await management.PostAsync($"/chat/messages/{Guid.NewGuid()}/feedback", Json("""{"feedback":"up"}""")), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await management.PostAsync("/chat/messages/not-an-id/feedback", Json("""{"feedback":"up"}""")), HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task Bad_answers_list_down_rated_answers_with_their_questions_newest_rating_first()
    {
        var bot = await CreateBotAsync("Bad answers bot");
        using var management = ClientWithKey(bot.ApiKey);
        var first = await AskAsync(management, "Question one?");
        var second = await AskAsync(management, "Question two?");
        var liked = await AskAsync(management, "Question three?");
        await management.PostAsync($"/chat/messages/{second.GetProperty("message_id").GetGuid()}/feedback", Json("""{"feedback":"down"}"""));
        await Task.Delay(20);
        await management.PostAsync($"/chat/messages/{first.GetProperty("message_id").GetGuid()}/feedback", Json("""{"feedback":"down","ideal_answer":"The right answer."}"""));
        await management.PostAsync($"/chat/messages/{liked.GetProperty("message_id").GetGuid()}/feedback", Json("""{"feedback":"up"}"""));

        var page = await ReadJsonAsync(await management.GetAsync("/chat/bad-answers"));

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("question").GetString()), Is.EqualTo(new[] { "Question one?", "Question two?" }));
        Assert.That(items[0].GetProperty("message_id").GetGuid(), Is.EqualTo(first.GetProperty("message_id").GetGuid()));
        Assert.That(items[0].GetProperty("session_id").GetGuid(), Is.EqualTo(first.GetProperty("session_id").GetGuid()));
        Assert.That(items[0].GetProperty("answer").GetString(), Is.EqualTo(first.GetProperty("text").GetString()));
        Assert.That(items[0].GetProperty("ideal_answer").GetString(), Is.EqualTo("The right answer."));
        Assert.That(items[0].GetProperty("feedback_at").GetDateTimeOffset(), Is.GreaterThan(items[1].GetProperty("feedback_at").GetDateTimeOffset()));
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Another_bots_logs_are_invisible()
    {
        var mine = await CreateBotAsync("Logs isolation A");
        var theirs = await CreateBotAsync("Logs isolation B");
        using var myClient = ClientWithKey(mine.ApiKey);
        using var theirClient = ClientWithKey(theirs.ApiKey);
        var theirAnswer = await AskAsync(theirClient, "Their question");
        await theirClient.PostAsync($"/chat/messages/{theirAnswer.GetProperty("message_id").GetGuid()}/feedback", Json("""{"feedback":"down"}"""));

        Assert.That((await ReadJsonAsync(await myClient.GetAsync("/chat/sessions"))).GetProperty("total").GetInt32(), Is.Zero);
        Assert.That((await ReadJsonAsync(await myClient.GetAsync("/chat/bad-answers"))).GetProperty("total").GetInt32(), Is.Zero);
        await ProblemAssert.IsProblemAsync(await myClient.GetAsync($"/chat/sessions/{theirAnswer.GetProperty("session_id").GetGuid()}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await myClient.PostAsync($"/chat/messages/{theirAnswer.GetProperty("message_id").GetGuid()}/feedback", Json("""{"feedback":"up"}""")), HttpStatusCode.NotFound, "not_found");
        Assert.That((await StoredMessageAsync(theirAnswer.GetProperty("message_id").GetGuid())).Feedback, Is.EqualTo(Domain.Sessions.MessageFeedback.Down));
    }

    private static async Task<List<string?>> SessionIdsAsync(HttpClient management, string query)
    {
        var response = await management.GetAsync("/chat/sessions" + query);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That((int)response.StatusCode, Is.EqualTo(200), page.ToString());
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("session_id").GetString())];
    }
}
