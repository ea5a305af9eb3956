using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.FunctionalTests.Widget;

namespace Chat9.FunctionalTests.Escalations;

/// <summary><c>GET /escalations</c>, <c>GET /escalations/{ticket_number}</c> and <c>PATCH</c> (management-api.md "Escalations").</summary>
public sealed class EscalationEndpointsTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    [Test]
    public async Task A_ticket_shows_every_field_of_the_contract()
    {
        var bot = await CreateBotAsync("Ticket fields bot");
        var secret = await RotateIdentitySecretAsync(bot.PublicId);
        var sessionId = (await InitOkAsync(bot.PublicId, IdentityTokens.For(secret, "u_77", email: "ana@example.com", name: "Ana", planTier: "enterprise")))
            .GetProperty("session_id").GetString()!;
        await WidgetChatAsync(bot.PublicId, "Where is my invoice?", Guid.Parse(sessionId));
        await EscalateAsync(bot.PublicId, sessionId, new { user_note = "Billing question", trigger = "answer_rejected" });
        using var management = ClientWithKey(bot.ApiKey);

        var response = await management.GetAsync("/escalations/ESC-0001");
        var ticket = await ReadJsonAsync(response);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), ticket.ToString());
        Assert.That(ticket.GetProperty("ticket_number").GetString(), Is.EqualTo("ESC-0001"));
        Assert.That(ticket.GetProperty("session_id").GetString(), Is.EqualTo(sessionId));
        Assert.That(ticket.GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(ticket.GetProperty("priority").GetString(), Is.EqualTo("high"), "answer_rejected is medium, raised one level for enterprise");
        Assert.That(ticket.GetProperty("trigger").GetString(), Is.EqualTo("answer_rejected"));
        Assert.That(ticket.GetProperty("user_note").GetString(), Is.EqualTo("Billing question"));
        Assert.That(ticket.GetProperty("user").ToString(), Is.EqualTo("""{"id":"u_77","email":"ana@example.com","name":"Ana","plan_tier":"enterprise","verified":true}"""));
        Assert.That(ticket.GetProperty("primary_question").GetString(), Is.EqualTo("Where is my invoice?"));
        var excerpt = ticket.GetProperty("transcript_excerpt").EnumerateArray().ToList();
        Assert.That(excerpt.Select(l => l.GetProperty("role").GetString()), Is.EqualTo(new[] { "user", "assistant" }));
        Assert.That(excerpt[0].GetProperty("content").GetString(), Is.EqualTo("Where is my invoice?"));
        Assert.That(ticket.GetProperty("resolved_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(ticket.GetProperty("resolution_text").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(ticket.GetProperty("notifications").GetArrayLength(), Is.Zero);
        Assert.That(ticket.GetProperty("created_at").GetDateTimeOffset(), Is.EqualTo(ticket.GetProperty("updated_at").GetDateTimeOffset()));
    }

    [Test]
    public async Task An_anonymous_contact_is_unverified_and_never_shows_an_id_or_plan()
    {
        var bot = await CreateBotAsync("Anonymous ticket bot");
        var sessionId = (await InitOkAsync(bot.PublicId, userHints: new { user_id = "hinted", plan_tier = "pro", name = "Hinted" })).GetProperty("session_id").GetString()!;
        await EscalateAsync(bot.PublicId, sessionId, new { email = "visitor@example.com" });
        using var management = ClientWithKey(bot.ApiKey);

        var ticket = await ReadJsonAsync(await management.GetAsync("/escalations/ESC-0001"));

        Assert.That(ticket.GetProperty("user").ToString(), Is.EqualTo("""{"id":null,"email":"visitor@example.com","name":"Hinted","plan_tier":null,"verified":false}"""));
        Assert.That(ticket.GetProperty("priority").GetString(), Is.EqualTo("high"));
    }

    [Test]
    public async Task The_list_is_newest_first_filtered_and_paged()
    {
        var bot = await CreateBotAsync("Ticket list bot");
        foreach (var trigger in new[] { "user_request", "answer_rejected", "user_request" })
        {
            var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
            await EscalateAsync(bot.PublicId, sessionId, new { trigger });
        }

        using var management = ClientWithKey(bot.ApiKey);
        await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"in_progress"}"""));

        var all = await ReadJsonAsync(await management.GetAsync("/escalations"));
        var rejected = await ReadJsonAsync(await management.GetAsync("/escalations?trigger=answer_rejected"));
        var high = await ReadJsonAsync(await management.GetAsync("/escalations?priority=high"));
        var inProgress = await ReadJsonAsync(await management.GetAsync("/escalations?status=in_progress"));
        var firstPage = await ReadJsonAsync(await management.GetAsync("/escalations?limit=2"));
        var secondPage = await ReadJsonAsync(await management.GetAsync($"/escalations?cursor={Uri.EscapeDataString(firstPage.GetProperty("next_cursor").GetString()!)}"));

        Assert.That(Numbers(all), Is.EqualTo(new[] { "ESC-0003", "ESC-0002", "ESC-0001" }));
        Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(Numbers(rejected), Is.EqualTo(new[] { "ESC-0002" }));
        Assert.That(Numbers(high), Is.EqualTo(new[] { "ESC-0003", "ESC-0001" }));
        Assert.That(Numbers(inProgress), Is.EqualTo(new[] { "ESC-0001" }));
        Assert.That(Numbers(firstPage), Is.EqualTo(new[] { "ESC-0003", "ESC-0002" }));
        Assert.That(Numbers(secondPage), Is.EqualTo(new[] { "ESC-0001" }));
        Assert.That(all.GetProperty("items")[0].TryGetProperty("notifications", out _), Is.False, "notifications are in the detail only");
    }

    [Test]
    public async Task Filters_and_paging_reject_bad_values()
    {
        var bot = await CreateBotAsync("Ticket filter bot");
        using var management = ClientWithKey(bot.ApiKey);

        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/escalations?status=closed"), "status");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/escalations?priority=urgent"), "priority");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/escalations?trigger=whim"), "trigger");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/escalations?limit=201"), "limit");
    }

    [Test]
    public async Task The_lifecycle_goes_open_in_progress_resolved_and_a_resolved_ticket_is_final()
    {
        var (bot, management) = await BotWithTicketAsync("Lifecycle bot");

        var started = await ReadJsonAsync(await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"in_progress"}""")));
        var again = await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"in_progress"}"""));
        var noText = await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"resolved"}"""));
        var tooLong = await management.PatchAsync("/escalations/ESC-0001", Json(JsonSerializer.Serialize(new { status = "resolved", resolution_text = new string('r', 8001) })));
        var resolved = await ReadJsonAsync(await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"resolved","resolution_text":"  Refunded the invoice.  "}""")));
        var reopen = await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"open"}"""));
        var backToWork = await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"in_progress"}"""));

        Assert.That(started.GetProperty("status").GetString(), Is.EqualTo("in_progress"));
        Assert.That((int)again.StatusCode, Is.EqualTo(200), "the current status again is a no-op");
        await ProblemAssert.IsValidationFailureAsync(noText, "resolution_text");
        await ProblemAssert.IsValidationFailureAsync(tooLong, "resolution_text");
        Assert.That(resolved.GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(resolved.GetProperty("resolution_text").GetString(), Is.EqualTo("Refunded the invoice."));
        Assert.That(resolved.GetProperty("resolved_at").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(resolved.GetProperty("created_at").GetDateTimeOffset()));
        await ProblemAssert.IsProblemAsync(reopen, HttpStatusCode.Conflict, "invalid_transition");
        await ProblemAssert.IsProblemAsync(backToWork, HttpStatusCode.Conflict, "invalid_transition");
        var stored = await ReadJsonAsync(await management.GetAsync("/escalations/ESC-0001"));
        Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(bot, Is.Not.Null);
    }

    [Test]
    public async Task An_open_ticket_can_be_resolved_directly_but_not_reopened_from_in_progress()
    {
        var (_, management) = await BotWithTicketAsync("Direct resolve bot", tickets: 2);

        var resolved = await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"resolved","resolution_text":"Answered by phone."}"""));
        await management.PatchAsync("/escalations/ESC-0002", Json("""{"status":"in_progress"}"""));
        var reopened = await management.PatchAsync("/escalations/ESC-0002", Json("""{"status":"open"}"""));

        Assert.That((int)resolved.StatusCode, Is.EqualTo(200));
        await ProblemAssert.IsProblemAsync(reopened, HttpStatusCode.Conflict, "invalid_transition");
    }

    [Test]
    public async Task Bad_bodies_and_unknown_numbers_get_the_contract_errors()
    {
        var (_, management) = await BotWithTicketAsync("Patch errors bot");

        await ProblemAssert.IsValidationFailureAsync(await management.PatchAsync("/escalations/ESC-0001", Json("{}")), "status");
        await ProblemAssert.IsValidationFailureAsync(await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"closed"}""")), "status");
        await ProblemAssert.IsValidationFailureAsync(await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":5}""")), "status");
        await ProblemAssert.IsValidationFailureAsync(await management.PatchAsync("/escalations/ESC-0001", Json("""{"status":"in_progress","resolution_text":"early"}""")), "resolution_text");
        await ProblemAssert.IsProblemAsync(await management.PatchAsync("/escalations/ESC-0001", Json("{")), HttpStatusCode.BadRequest, "invalid_json");
        foreach (var number in new[] { "ESC-0002", "ESC-1", "esc-0001", "ESC-00001", "0001", "ESC-0000" })
        {
            await ProblemAssert.IsProblemAsync(await management.GetAsync($"/escalations/{number}"), HttpStatusCode.NotFound, "not_found");
        }

        await ProblemAssert.IsProblemAsync(await management.PatchAsync("/escalations/ESC-0009", Json("""{"status":"in_progress"}""")), HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task Another_bots_tickets_are_invisible_and_untouchable()
    {
        var (_, mine) = await BotWithTicketAsync("Isolated bot A");
        var (_, theirs) = await BotWithTicketAsync("Isolated bot B", tickets: 2);

        await theirs.PatchAsync("/escalations/ESC-0002", Json("""{"status":"in_progress"}"""));
        var myList = await ReadJsonAsync(await mine.GetAsync("/escalations"));
        var mineTwo = await mine.GetAsync("/escalations/ESC-0002");
        var patchTheirs = await mine.PatchAsync("/escalations/ESC-0002", Json("""{"status":"resolved","resolution_text":"not mine"}"""));

        Assert.That(Numbers(myList), Is.EqualTo(new[] { "ESC-0001" }));
        await ProblemAssert.IsProblemAsync(mineTwo, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(patchTheirs, HttpStatusCode.NotFound, "not_found");
        var theirsTicket = await ReadJsonAsync(await theirs.GetAsync("/escalations/ESC-0002"));
        Assert.That(theirsTicket.GetProperty("status").GetString(), Is.EqualTo("in_progress"));
    }

    [Test]
    public async Task The_endpoints_need_the_api_key()
    {
        Assert.That((await Client.GetAsync("/escalations")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.GetAsync("/escalations/ESC-0001")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.PatchAsync("/escalations/ESC-0001", Json("""{"status":"in_progress"}"""))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<(Application.Bots.CreateBot.CreatedBotDto Bot, HttpClient Management)> BotWithTicketAsync(string name, int tickets = 1)
    {
        var bot = await CreateBotAsync(name);
        for (var i = 0; i < tickets; i++)
        {
            var sessionId = (await InitOkAsync(bot.PublicId)).GetProperty("session_id").GetString()!;
            var response = await EscalateAsync(bot.PublicId, sessionId, new { email = "visitor@example.com" });
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        return (bot, ClientWithKey(bot.ApiKey));
    }

    private static string[] Numbers(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("ticket_number").GetString()!)];
}
