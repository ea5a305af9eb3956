using System.Net;
using System.Text.Json;
using Chat9.Domain.Sessions;
using Chat9.Domain.Tickets;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Widget;

/// <summary><c>GET /widget/history</c>, <c>POST /widget/escalate</c> and <c>POST /chat/{session_id}/escalate</c>.</summary>
public sealed class WidgetHistoryAndEscalationTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    [Test]
    public async Task History_returns_the_conversation_oldest_first_with_sources_on_answers()
    {
        var bot = await NotewellBotAsync();
        var sessionId = Guid.Parse((await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!);
        await WidgetChatAsync(bot.PublicId, string.Empty, sessionId);
        var (_, answer) = await WidgetChatAsync(bot.PublicId, "How do I export my notes to PDF?", sessionId);

        var response = await HistoryAsync(bot.PublicId, sessionId.ToString());
        var history = await ReadJsonAsync(response);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), history.ToString());
        Assert.That(history.GetProperty("session_id").GetString(), Is.EqualTo(sessionId.ToString()));
        Assert.That(history.GetProperty("chat_ended").GetBoolean(), Is.False);
        Assert.That(history.GetProperty("ticket_number").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var messages = history.GetProperty("messages").EnumerateArray().ToList();
        Assert.That(messages.Select(m => m.GetProperty("role").GetString()), Is.EqualTo(new[] { "assistant", "user", "assistant" }));
        Assert.That(messages[1].GetProperty("content").GetString(), Is.EqualTo("How do I export my notes to PDF?"));
        Assert.That(messages[2].GetProperty("content").GetString(), Is.EqualTo(answer!.Done.GetProperty("text").GetString()));
        Assert.That(messages[2].GetProperty("sources").ToString(), Is.EqualTo(answer.Done.GetProperty("sources").ToString()));
        Assert.That(messages[2].GetProperty("sources").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(messages[0].TryGetProperty("sources", out _), Is.False, "no sources → the member is omitted");
        Assert.That(messages[1].TryGetProperty("sources", out _), Is.False);
        Assert.That(messages.Any(m => m.TryGetProperty("interrupted", out _)), Is.False);
        Assert.That(messages.Select(m => m.GetProperty("created_at").GetDateTimeOffset()), Is.Ordered);
    }

    [Test]
    public async Task History_marks_an_interrupted_answer_and_keeps_only_the_last_hundred_messages()
    {
        var bot = await CreateBotAsync("Long history bot");
        var sessionId = Guid.Parse((await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Chat9DbContext>();
            var session = await db.Sessions.Include(s => s.Messages).SingleAsync(s => s.Id == sessionId);
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            for (var i = 0; i < 60; i++)
            {
                session.PostUserMessage($"question {i}", start.AddSeconds(2 * i));
                session.PostAssistantMessage(new AssistantReply($"answer {i}", MessageOutcome.Answer, 0.9, [], [], 0, Interrupted: i == 59), start.AddSeconds((2 * i) + 1));
            }

            await db.SaveChangesAsync();
        }

        var history = await ReadJsonAsync(await HistoryAsync(bot.PublicId, sessionId.ToString()));

        var messages = history.GetProperty("messages").EnumerateArray().ToList();
        Assert.That(messages, Has.Count.EqualTo(100));
        Assert.That(messages[0].GetProperty("content").GetString(), Is.EqualTo("question 10"));
        Assert.That(messages[^1].GetProperty("content").GetString(), Is.EqualTo("answer 59"));
        Assert.That(messages[^1].GetProperty("interrupted").GetBoolean(), Is.True);
        Assert.That(messages[^3].TryGetProperty("interrupted", out _), Is.False);
    }

    [Test]
    public async Task History_follows_the_session_rules()
    {
        var bot = await CreateBotAsync("History rules bot");
        var other = await CreateBotAsync("Other history bot");
        var othersSession = (await InitOkAsync(other.PublicId)).GetProperty("session_id").GetString()!;

        await ProblemAssert.IsProblemAsync(await HistoryAsync(bot.PublicId, null), HttpStatusCode.UnprocessableEntity, "session_invalid");
        await ProblemAssert.IsProblemAsync(await HistoryAsync(bot.PublicId, "not-a-uuid"), HttpStatusCode.UnprocessableEntity, "session_invalid");
        await ProblemAssert.IsProblemAsync(await HistoryAsync(bot.PublicId, Guid.NewGuid().ToString()), HttpStatusCode.Conflict, "session_not_found");
        await ProblemAssert.IsProblemAsync(await HistoryAsync(bot.PublicId, othersSession), HttpStatusCode.Conflict, "session_not_found");
        // Bot checks come before session checks.
        await ProblemAssert.IsProblemAsync(await HistoryAsync("ch_unknown", "not-a-uuid"), HttpStatusCode.NotFound, "bot_not_found");
        await ProblemAssert.IsValidationFailureAsync(await Client.GetAsync($"/widget/history?session_id={othersSession}"), "bot_id");
    }

    [Test]
    public async Task Escalation_opens_a_ticket_ends_the_chat_and_is_idempotent_per_session()
    {
        var bot = await CreateBotAsync("Escalation bot");
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        await WidgetChatAsync(bot.PublicId, "My sync is broken since yesterday", Guid.Parse(sessionId));

        var first = await EscalateAsync(bot.PublicId, sessionId, new { trigger = "user_request", email = "ana@example.com" });
        var body = await ReadJsonAsync(first);

        Assert.That((int)first.StatusCode, Is.EqualTo(200), body.ToString());
        Assert.That(body.GetProperty("ticket_number").GetString(), Is.EqualTo("ESC-0001"));
        Assert.That(body.GetProperty("chat_ended").GetBoolean(), Is.True);
        Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("I've passed this to our support team (ticket ESC-0001). They will reply to ana@example.com."));
        var (closed, _) = await WidgetChatAsync(bot.PublicId, "Hello?", Guid.Parse(sessionId));
        Assert.That(closed.StatusCode, Is.EqualTo(409));
        Assert.That(closed.Body, Does.Contain("session_closed"));
        var history = await ReadJsonAsync(await HistoryAsync(bot.PublicId, sessionId));
        Assert.That(history.GetProperty("chat_ended").GetBoolean(), Is.True);
        Assert.That(history.GetProperty("ticket_number").GetString(), Is.EqualTo("ESC-0001"));
        Assert.That(history.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString(), Is.EqualTo(body.GetProperty("message").GetString()));

        var again = await ReadJsonAsync(await EscalateAsync(bot.PublicId, sessionId, new { user_note = "Please hurry", email = "other@example.com" }));

        Assert.That(again.GetProperty("ticket_number").GetString(), Is.EqualTo("ESC-0001"));
        var tickets = await TicketsOfSessionAsync(Guid.Parse(sessionId));
        Assert.That(tickets, Has.Count.EqualTo(1));
        Assert.That(tickets[0].UserNote, Is.EqualTo("Please hurry"), "a repeat fills in a missing note");
        Assert.That(tickets[0].Contact.Email, Is.EqualTo("ana@example.com"), "but keeps the contact it has");
        Assert.That(tickets[0].Priority, Is.EqualTo(TicketPriority.High));
        Assert.That(tickets[0].PrimaryQuestion, Is.EqualTo("My sync is broken since yesterday"));
        Assert.That((await TranscriptAsync(Guid.Parse(sessionId))).Count(m => m.Outcome == MessageOutcome.Escalation), Is.EqualTo(1), "the repeat stores nothing");
    }

    [Test]
    public async Task Without_any_contact_the_ticket_opens_and_the_visitor_is_told_nobody_can_write_back()
    {
        var bot = await CreateBotAsync("No contact bot");
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;

        var body = await ReadJsonAsync(await EscalateAsync(bot.PublicId, sessionId, body: null));

        Assert.That(body.GetProperty("message").GetString(), Does.Contain("without an e-mail address they can't write back"));
        Assert.That((await TicketsOfSessionAsync(Guid.Parse(sessionId)))[0].Contact.Email, Is.Null);
    }

    [Test]
    public async Task An_identified_pro_user_gets_a_critical_verified_ticket_with_the_tokens_email()
    {
        var bot = await CreateBotAsync("Pro bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var sessionId = (await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_1042", email: "ana@example.com", name: "Ana Lima", planTier: "Pro", locale: "pt-BR")))
            .GetProperty("session_id").GetString()!;

        var body = await ReadJsonAsync(await EscalateAsync(bot.PublicId, sessionId, new { email = "someone@example.com", user_note = "Nota" }));

        var ticket = (await TicketsOfSessionAsync(Guid.Parse(sessionId))).Single();
        Assert.That(ticket.Priority, Is.EqualTo(TicketPriority.Critical));
        Assert.That(ticket.Contact, Is.EqualTo(new TicketContact("u_1042", "ana@example.com", "Ana Lima", "Pro", Verified: true)));
        Assert.That(body.GetProperty("message").GetString(), Does.Contain("ana@example.com").And.Not.Contain("I've passed"), "written in the conversation's language (Portuguese from the token)");
    }

    [Test]
    public async Task A_hinted_plan_tier_never_raises_priority_and_a_rejected_answer_is_medium()
    {
        var bot = await CreateBotAsync("Hinted bot");
        var sessionId = (await InitOkAsync(bot.PublicId, userHints: new { plan_tier = "enterprise", email = "hint@example.com" })).GetProperty("session_id").GetString()!;

        await EscalateAsync(bot.PublicId, sessionId, new { trigger = "answer_rejected" });

        var ticket = (await TicketsOfSessionAsync(Guid.Parse(sessionId))).Single();
        Assert.That(ticket.Priority, Is.EqualTo(TicketPriority.Medium));
        Assert.That(ticket.Trigger, Is.EqualTo(TicketTrigger.AnswerRejected));
        Assert.That(ticket.Contact, Is.EqualTo(new TicketContact(null, "hint@example.com", null, null, Verified: false)), "the hints' e-mail fills in");
    }

    [Test]
    public async Task Ticket_numbers_are_per_bot()
    {
        var first = await CreateBotAsync("Numbering bot A");
        var second = await CreateBotAsync("Numbering bot B");
        var numbers = new List<string>();
        foreach (var bot in new[] { first, first, second })
        {
            var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
            numbers.Add((await ReadJsonAsync(await EscalateAsync(bot.PublicId, sessionId, new { }))).GetProperty("ticket_number").GetString()!);
        }

        Assert.That(numbers, Is.EqualTo(new[] { "ESC-0001", "ESC-0002", "ESC-0001" }));
    }

    [Test]
    public async Task Escalation_errors_follow_the_contract()
    {
        var bot = await CreateBotAsync("Escalation errors bot");
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;

        await ProblemAssert.IsValidationFailureAsync(await EscalateAsync(bot.PublicId, sessionId, new { trigger = "low_confidence" }), "trigger");
        await ProblemAssert.IsValidationFailureAsync(await EscalateAsync(bot.PublicId, sessionId, new { email = "nope" }), "email");
        await ProblemAssert.IsValidationFailureAsync(await EscalateAsync(bot.PublicId, sessionId, new { user_note = new string('n', 2001) }), "user_note");
        await ProblemAssert.IsValidationFailureAsync(await EscalateAsync(bot.PublicId, sessionId, new { user_note = 5 }), "user_note");
        // Field validation comes before the bot checks, session checks after them.
        await ProblemAssert.IsValidationFailureAsync(await EscalateAsync("ch_unknown", sessionId, new { trigger = "nonsense" }), "trigger");
        await ProblemAssert.IsProblemAsync(await EscalateAsync("ch_unknown", "not-a-uuid", new { }), HttpStatusCode.NotFound, "bot_not_found");
        await ProblemAssert.IsProblemAsync(await EscalateAsync(bot.PublicId, null, new { }), HttpStatusCode.UnprocessableEntity, "session_invalid");
        await ProblemAssert.IsProblemAsync(await EscalateAsync(bot.PublicId, Guid.NewGuid().ToString(), new { }), HttpStatusCode.Conflict, "session_not_found");
        Assert.That(await TicketsOfSessionAsync(Guid.Parse(sessionId)), Is.Empty, "nothing was opened by the failed calls");

        Assert.That((await RunCliAsync("bots", "disable", bot.PublicId)).ExitCode, Is.Zero);
        await ProblemAssert.IsProblemAsync(await EscalateAsync(bot.PublicId, sessionId, new { }), HttpStatusCode.Forbidden, "bot_inactive");
    }

    [Test]
    public async Task A_bot_with_escalation_off_refuses_with_escalation_disabled()
    {
        var bot = await CreateBotAsync("Escalation off bot");
        using var management = ClientWithKey(bot.ApiKey);
        var patched = await management.PatchAsync("/bot", Json("""{"escalation":{"enabled":false}}"""));
        Assert.That((int)patched.StatusCode, Is.EqualTo(200), await patched.Content.ReadAsStringAsync());
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;

        await ProblemAssert.IsProblemAsync(await EscalateAsync(bot.PublicId, sessionId, new { }), HttpStatusCode.Forbidden, "escalation_disabled");
        Assert.That((await ReadJsonAsync(await HistoryAsync(bot.PublicId, sessionId))).GetProperty("chat_ended").GetBoolean(), Is.False);
    }

    [Test]
    public async Task The_management_escalate_endpoint_does_the_same_for_the_keys_bot_only()
    {
        var bot = await CreateBotAsync("Management escalation bot");
        var other = await CreateBotAsync("Other management bot");
        using var management = ClientWithKey(bot.ApiKey);
        var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
        var othersSession = (await InitOkAsync(other.PublicId)).GetProperty("session_id").GetString()!;

        var response = await management.PostAsync($"/chat/{sessionId}/escalate", Json("""{"email":"ana@example.com","user_note":"from the API"}"""));
        var body = await ReadJsonAsync(response);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToString());
        Assert.That(body.GetProperty("ticket_number").GetString(), Is.EqualTo("ESC-0001"));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        await ProblemAssert.IsProblemAsync(await management.PostAsync($"/chat/{othersSession}/escalate", null), HttpStatusCode.Conflict, "session_not_found");
        await ProblemAssert.IsProblemAsync(await management.PostAsync("/chat/nope/escalate", null), HttpStatusCode.UnprocessableEntity, "session_invalid");
        Assert.That(await TicketsOfSessionAsync(Guid.Parse(othersSession)), Is.Empty);
    }
}
