using System.Net;
using System.Text;
using System.Text.Json;
using Chat9.Domain.Gaps;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Gaps;

/// <summary>
/// The Gap Analyzer of management-api.md, offline (lexical clustering, template drafts) over real HTTP and a real
/// database: scripted conversations become the expected gaps, fixing the docs resolves one, and the operator's
/// dismiss/reactivate/draft work on the bot's own gaps only.
/// </summary>
public sealed class GapAnalyzerTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private const string PrintingDoc = """
        # Printing

        Open a note and choose **File → Print** to print it. Pick the printer and the paper size, then confirm.
        """;

    private const string CalendarDoc = """
        # Calendar sync

        ## Sync your Google calendar

        Gadget syncs your Google calendar both ways. Open **Settings → Calendar**, choose **Connect Google calendar**,
        sign in with Google and allow access. Events then sync every five minutes.
        """;

    private static readonly string[] CalendarQuestions =
        ["How do I sync my Google calendar?", "Can I sync my Google calendar?", "Google calendar sync: how do I set it up?"];

    private static readonly string[] DarkModeQuestions = ["Is there a dark mode?", "How do I switch on dark mode?"];

    [Test]
    public async Task Failed_questions_cluster_by_meaning_and_fixing_the_docs_resolves_their_gap()
    {
        var bot = await CreateBotAsync("Gadget");
        using var client = ClientWithKey(bot.ApiKey);
        await UploadReadyAsync(client, "printing.md", PrintingDoc);
        foreach (var question in CalendarQuestions.Concat(DarkModeQuestions).Append("Do you accept bitcoin payments?"))
        {
            Assert.That(await OutcomeOfAsync(client, question), Is.AnyOf(MessageOutcome.NoDocuments, MessageOutcome.LowConfidence), question);
        }

        await RecalculateAsync(client);
        var gaps = await ListAsync(client, "?mode=questions");

        Assert.That(gaps.Select(g => g.GetProperty("question_count").GetInt32()), Is.EqualTo(new[] { 3, 2 }), "largest first; the lone question is no gap");
        var calendar = gaps[0];
        var darkMode = gaps[1];
        Assert.That(Examples(calendar), Is.EquivalentTo(CalendarQuestions));
        Assert.That(Examples(darkMode), Is.EquivalentTo(DarkModeQuestions));
        Assert.That(Examples(calendar)[0], Is.EqualTo(CalendarQuestions[^1]), "most recent first");
        Assert.That(CalendarQuestions, Does.Contain(calendar.GetProperty("title").GetString()), "offline, the title is the question closest to the centre");
        Assert.That(calendar.GetProperty("mode").GetString(), Is.EqualTo("questions"));
        Assert.That(calendar.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(calendar.GetProperty("suggested_action").GetProperty("kind").GetString(), Is.EqualTo("write_doc"));
        var signals = calendar.GetProperty("signals");
        Assert.That(signals.GetProperty("low_confidence").GetInt32() + signals.GetProperty("no_documents").GetInt32(), Is.EqualTo(3));
        Assert.That(calendar.GetProperty("first_seen").GetDateTimeOffset(), Is.LessThan(calendar.GetProperty("last_seen").GetDateTimeOffset()));

        await UploadReadyAsync(client, "calendar.md", CalendarDoc);
        await RecalculateAsync(client);

        var resolved = await ReadJsonAsync(await client.GetAsync($"/gap-analyzer/{calendar.GetProperty("id").GetString()}"));
        var stillOpen = await ReadJsonAsync(await client.GetAsync($"/gap-analyzer/{darkMode.GetProperty("id").GetString()}"));
        Assert.That(resolved.GetProperty("status").GetString(), Is.EqualTo("resolved"), resolved.ToString());
        Assert.That(resolved.GetProperty("resolved_at").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(stillOpen.GetProperty("status").GetString(), Is.EqualTo("active"), "the same id is kept across recalculations");
        Assert.That((await ListAsync(client, string.Empty)).Select(Id), Is.EqualTo(new[] { Id(darkMode) }), "default filter: active");
        Assert.That((await ListAsync(client, "?status=resolved")).Select(Id), Is.EqualTo(new[] { Id(calendar) }));

        var summary = await ReadJsonAsync(await client.GetAsync("/gap-analyzer/summary"));
        Assert.That(summary.GetProperty("active").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("resolved").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("dismissed").GetInt32(), Is.Zero);
        Assert.That(summary.GetProperty("top").EnumerateArray().Select(Id), Is.EqualTo(new[] { Id(darkMode) }));
        Assert.That(summary.GetProperty("last_recalculated_at").ValueKind, Is.EqualTo(JsonValueKind.String));

        // A resolved gap that gets new failed questions is active again.
        await AskAsync(client, "Is a dark mode available?");
        await AskAsync(client, "Can I sync my Google calendar with Outlook too?");
        await RecalculateAsync(client);
        var darkModeAgain = await ReadJsonAsync(await client.GetAsync($"/gap-analyzer/{Id(darkMode)}"));
        Assert.That(darkModeAgain.GetProperty("question_count").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Thinly_answered_questions_make_a_coverage_gap()
    {
        var bot = await CreateBotAsync("Printer");
        using var client = ClientWithKey(bot.ApiKey);
        await UploadReadyAsync(client, "printing.md", PrintingDoc);
        foreach (var question in new[] { "How do I print a note?", "How can I print my note?" })
        {
            Assert.That(await OutcomeOfAsync(client, question), Is.EqualTo(MessageOutcome.Answer), question);
        }

        await RecalculateAsync(client);

        var coverage = await ListAsync(client, "?mode=coverage");
        Assert.That(coverage, Has.Count.EqualTo(1), "one chunk supports every answer: the docs cover printing only in passing");
        Assert.That(coverage[0].GetProperty("question_count").GetInt32(), Is.EqualTo(2));
        Assert.That(coverage[0].GetProperty("suggested_action").GetProperty("kind").GetString(), Is.EqualTo("expand_doc"));
        Assert.That(await ListAsync(client, "?mode=questions"), Is.Empty, "answered questions are no failure signals");
    }

    [Test]
    public async Task Dismissed_gaps_stay_dismissed_and_can_be_reactivated()
    {
        var (client, gap) = await BotWithOneGapAsync("Dismisser");
        using var _ = client;

        var tooLong = await client.PostAsync($"/gap-analyzer/{Id(gap)}/dismiss", Json(JsonSerializer.Serialize(new { reason = new string('x', 501) })));
        await ProblemAssert.IsValidationFailureAsync(tooLong, "reason");

        var dismissed = await ReadJsonAsync(await client.PostAsync($"/gap-analyzer/{Id(gap)}/dismiss", Json("""{"reason":"  Not a product question  "}""")));
        Assert.That(dismissed.GetProperty("status").GetString(), Is.EqualTo("dismissed"));
        Assert.That(dismissed.GetProperty("dismissed_reason").GetString(), Is.EqualTo("Not a product question"));

        await AskAsync(client, "Is there a dark mode for the app?");
        await RecalculateAsync(client);
        var afterNewQuestions = await ReadJsonAsync(await client.GetAsync($"/gap-analyzer/{Id(gap)}"));
        Assert.That(afterNewQuestions.GetProperty("status").GetString(), Is.EqualTo("dismissed"), "never revived by new questions");
        Assert.That(afterNewQuestions.GetProperty("question_count").GetInt32(), Is.EqualTo(3), "only its count rises");
        Assert.That(await ListAsync(client, string.Empty), Is.Empty);

        var reactivated = await ReadJsonAsync(await client.PostAsync($"/gap-analyzer/{Id(gap)}/reactivate", null));
        Assert.That(reactivated.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(reactivated.GetProperty("dismissed_reason").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var withoutBody = await ReadJsonAsync(await client.PostAsync($"/gap-analyzer/{Id(gap)}/dismiss", null));
        Assert.That(withoutBody.GetProperty("status").GetString(), Is.EqualTo("dismissed"), "the body is optional");
    }

    [Test]
    public async Task The_offline_draft_is_a_template_with_the_questions_and_the_related_documents()
    {
        var (client, gap) = await BotWithOneGapAsync("Drafter");
        using var _ = client;

        var response = await client.PostAsync($"/gap-analyzer/{Id(gap)}/draft", null);
        var draft = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(draft.GetProperty("gap_id").GetString(), Is.EqualTo(Id(gap)));
        Assert.That(draft.GetProperty("generated_by").GetString(), Is.EqualTo("template"));
        var markdown = draft.GetProperty("markdown").GetString()!;
        Assert.That(markdown, Does.StartWith($"## {gap.GetProperty("title").GetString()}\n"));
        foreach (var question in DarkModeQuestions)
        {
            Assert.That(markdown, Does.Contain($"- {question}\n"));
        }

        Assert.That(markdown, Does.Contain("### Answer"));
        Assert.That(markdown, Does.Contain("### Related documents"));
    }

    [Test]
    public async Task Another_bots_gaps_and_jobs_are_not_found()
    {
        var (owner, gap) = await BotWithOneGapAsync("Owner");
        using var _ = owner;
        var job = await ReadJsonAsync(await owner.PostAsync("/gap-analyzer/recalculate", null));
        var other = await CreateBotAsync("Other");
        using var stranger = ClientWithKey(other.ApiKey);

        foreach (var (method, path) in new[]
                 {
                     ("GET", $"/gap-analyzer/{Id(gap)}"), ("POST", $"/gap-analyzer/{Id(gap)}/dismiss"), ("POST", $"/gap-analyzer/{Id(gap)}/reactivate"),
                     ("POST", $"/gap-analyzer/{Id(gap)}/draft"), ("GET", $"/gap-analyzer/jobs/{job.GetProperty("job_id").GetString()}"),
                     ("GET", "/gap-analyzer/not-a-uuid"), ("POST", "/gap-analyzer/not-a-uuid/dismiss"), ("GET", "/gap-analyzer/jobs/12"),
                 })
        {
            var response = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        }

        Assert.That(await ListAsync(stranger, "?status=all"), Is.Empty);
        var summary = await ReadJsonAsync(await stranger.GetAsync("/gap-analyzer/summary"));
        Assert.That(summary.GetProperty("active").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task An_active_gap_whose_questions_all_left_the_window_is_removed_but_a_dismissed_one_stays()
    {
        var (client, gap) = await BotWithOneGapAsync("Ageing");
        using var _ = client;
        var (other, dismissed) = await BotWithOneGapAsync("Ageing dismissed");
        using var __ = other;
        await other.PostAsync($"/gap-analyzer/{Id(dismissed)}/dismiss", null);

        await AgeMessagesAsync(TimeSpan.FromDays(31));
        await RecalculateAsync(client);
        await RecalculateAsync(other);

        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/gap-analyzer/{Id(gap)}"), HttpStatusCode.NotFound, "not_found");
        var kept = await ReadJsonAsync(await other.GetAsync($"/gap-analyzer/{Id(dismissed)}"));
        Assert.That(kept.GetProperty("status").GetString(), Is.EqualTo("dismissed"), "a dismissal is kept, so the gap never comes back active");
    }

    [TestCase("?status=open")]
    [TestCase("?mode=faq")]
    [TestCase("?limit=0")]
    [TestCase("?limit=abc")]
    public async Task Invalid_list_filters_are_validation_failures(string query)
    {
        var bot = await CreateBotAsync("Filters");
        using var client = ClientWithKey(bot.ApiKey);

        var response = await client.GetAsync("/gap-analyzer" + query);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    /// <summary>Moves every stored message and gap back in time, as if all of it happened <paramref name="age"/> earlier.</summary>
    private async Task AgeMessagesAsync(TimeSpan age)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Chat9DbContext>();
        var createdAt = typeof(Message).GetProperty(nameof(Message.CreatedAt))!;
        foreach (var message in await db.Messages.ToListAsync())
        {
            createdAt.SetValue(message, message.CreatedAt - age);
        }

        foreach (var gap in await db.Gaps.ToListAsync())
        {
            typeof(Gap).GetProperty(nameof(Gap.FirstSeen))!.SetValue(gap, gap.FirstSeen - age);
            typeof(Gap).GetProperty(nameof(Gap.LastSeen))!.SetValue(gap, gap.LastSeen - age);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Asks in a new session and reads how the stored answer came about.</summary>
    private async Task<MessageOutcome?> OutcomeOfAsync(HttpClient client, string question)
    {
        var answer = await AskAsync(client, question);
        return (await StoredMessageAsync(answer.GetProperty("message_id").GetGuid())).Outcome;
    }

    private async Task<(HttpClient Client, JsonElement Gap)> BotWithOneGapAsync(string name)
    {
        var bot = await CreateBotAsync(name);
        var client = ClientWithKey(bot.ApiKey);
        await UploadReadyAsync(client, "printing.md", PrintingDoc);
        foreach (var question in DarkModeQuestions)
        {
            await AskAsync(client, question);
        }

        await RecalculateAsync(client);
        var gaps = await ListAsync(client, "?mode=questions");
        Assert.That(gaps, Has.Count.EqualTo(1));
        return (client, gaps[0]);
    }

    private static async Task UploadReadyAsync(HttpClient client, string filename, string markdown)
    {
        var id = await client.UploadOkAsync(filename, Encoding.UTF8.GetBytes(markdown));
        var document = await client.WaitUntilProcessedAsync(id);
        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
    }

    /// <summary>Starts a recalculation and waits until its job has succeeded.</summary>
    private static async Task RecalculateAsync(HttpClient client)
    {
        var response = await client.PostAsync("/gap-analyzer/recalculate", null);
        var job = await ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), job.ToString());
        var jobId = job.GetProperty("job_id").GetString();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/gap-analyzer/jobs/{jobId}"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            job = await ReadJsonAsync(await client.GetAsync($"/gap-analyzer/jobs/{jobId}"));
            var status = job.GetProperty("status").GetString();
            if (status is "succeeded" or "failed")
            {
                Assert.That(status, Is.EqualTo("succeeded"), job.ToString());
                Assert.That(job.GetProperty("finished_at").ValueKind, Is.EqualTo(JsonValueKind.String));
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the recalculation did not finish: {job}");
            await Task.Delay(100);
        }
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/gap-analyzer" + query);
        var body = await ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    private static string[] Examples(JsonElement gap) => [.. gap.GetProperty("example_questions").EnumerateArray().Select(e => e.GetString()!)];

    private static string Id(JsonElement gap) => gap.GetProperty("id").GetString()!;
}
