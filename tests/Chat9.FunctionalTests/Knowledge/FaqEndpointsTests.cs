using System.Net;
using System.Text.Json;
using Chat9.Domain.Faq;
using Chat9.FunctionalTests.Chat;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.Infrastructure.Persistence;
using Chat9.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Knowledge;

/// <summary>The FAQ endpoints of management-api.md ("Knowledge"), with an answer model on a fake server to prove FAQ answers need none.</summary>
public sealed class FaqEndpointsTests(DatabaseKind databaseKind) : ChatFixtureBase(databaseKind)
{
    private FakeOpenAIServer _model = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => FakeAnswerModelSettings(_model);

    protected override async Task BeforeServerStartsAsync() => _model = await FakeOpenAIServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopModelAsync() => await _model.DisposeAsync();

    [Test]
    public async Task An_approved_entry_answers_a_paraphrased_question_without_the_model()
    {
        var bot = await NotewellBotAsync();
        using var management = NotewellClient(bot);
        var created = await management.PostAsync("/knowledge/faq", Json("""{"question":"How do I change my password?","answer":"Open **Settings → Account → Password** and follow the steps."}"""));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        _model.Reset();

        var answer = await AskAsync(management, "Can I change my password?");
        var debug = await management.DebugAsync("Can I change my password?");

        Assert.That(answer.GetProperty("text").GetString(), Is.EqualTo("Open **Settings → Account → Password** and follow the steps."));
        Assert.That(_model.ChatRequests, Is.Empty, "the FAQ answered; no model call");
        Assert.That(debug.GetProperty("faq").GetProperty("matched").GetBoolean(), Is.True, debug.GetProperty("faq").ToString());
    }

    [Test]
    public async Task Manual_entries_are_approved_at_once_and_can_be_edited_and_deleted()
    {
        var bot = await CreateBotAsync("FAQ bot");
        using var management = ClientWithKey(bot.ApiKey);

        var response = await management.PostAsync("/knowledge/faq", Json("""{"question":"  Do you have a free plan?  ","answer":"Yes: Free, with 3 notebooks."}"""));
        var entry = await ReadJsonAsync(response);
        var id = entry.GetProperty("id").GetString();
        var edited = await ReadJsonAsync(await management.PutAsync($"/knowledge/faq/{id}", Json("""{"question":"Is there a free plan?","answer":"Yes: Free, with 5 notebooks."}""")));
        var deleted = await management.DeleteAsync($"/knowledge/faq/{id}");
        var again = await management.DeleteAsync($"/knowledge/faq/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/knowledge/faq/{id}"));
        Assert.That(entry.GetProperty("question").GetString(), Is.EqualTo("Do you have a free plan?"));
        Assert.That(entry.GetProperty("status").GetString(), Is.EqualTo("approved"));
        Assert.That(entry.GetProperty("source").GetString(), Is.EqualTo("manual"));
        Assert.That(entry.GetProperty("approved_at").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(edited.GetProperty("answer").GetString(), Is.EqualTo("Yes: Free, with 5 notebooks."));
        Assert.That(edited.GetProperty("status").GetString(), Is.EqualTo("approved"), "editing keeps the status");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task Candidates_are_reviewed_one_by_one_or_all_at_once_and_rejected_ones_disappear()
    {
        var bot = await CreateBotAsync("Review bot");
        using var management = ClientWithKey(bot.ApiKey);
        var docs1 = await SuggestAsync(bot.Id, "What formats can I export?", FaqSource.Docs);
        var docs2 = await SuggestAsync(bot.Id, "How do I share a notebook?", FaqSource.Docs);
        var logs1 = await SuggestAsync(bot.Id, "Why is sync slow?", FaqSource.Logs);
        var logs2 = await SuggestAsync(bot.Id, "Can I undo a delete?", FaqSource.Logs);

        var all = await ReadJsonAsync(await management.GetAsync("/knowledge/faq"));
        var approved = await ReadJsonAsync(await management.PostAsync($"/knowledge/faq/{docs1}/approve", null));
        var rejected = await management.PostAsync($"/knowledge/faq/{logs1}/reject", null);
        var approveAllDocs = await ReadJsonAsync(await management.PostAsync("/knowledge/faq/approve-all?source=docs", null));
        var candidates = await ReadJsonAsync(await management.GetAsync("/knowledge/faq?status=candidate"));
        var approveAll = await ReadJsonAsync(await management.PostAsync("/knowledge/faq/approve-all", null));
        var afterwards = await ReadJsonAsync(await management.GetAsync("/knowledge/faq?status=all&source=all"));

        Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(4));
        Assert.That(all.GetProperty("candidate_count").GetInt32(), Is.EqualTo(4));
        Assert.That(approved.GetProperty("status").GetString(), Is.EqualTo("approved"));
        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(approveAllDocs.GetProperty("approved_count").GetInt32(), Is.EqualTo(1), "only the docs candidate left");
        Assert.That(Ids(candidates), Is.EqualTo(new[] { logs2 }));
        Assert.That(approveAll.GetProperty("approved_count").GetInt32(), Is.EqualTo(1));
        Assert.That(Ids(afterwards), Is.EquivalentTo(new[] { docs1, docs2, logs2 }), "the rejected candidate is gone");
        Assert.That(afterwards.GetProperty("candidate_count").GetInt32(), Is.Zero);
        await ProblemAssert.IsProblemAsync(await management.PostAsync($"/knowledge/faq/{logs1}/approve", null), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await management.PostAsync($"/knowledge/faq/{docs1}/reject", null), HttpStatusCode.Conflict, "invalid_transition");
    }

    [Test]
    public async Task Bad_input_and_other_bots_entries_get_the_contract_errors()
    {
        var bot = await CreateBotAsync("FAQ errors bot");
        var other = await CreateBotAsync("Other FAQ bot");
        using var management = ClientWithKey(bot.ApiKey);
        using var otherClient = ClientWithKey(other.ApiKey);
        var theirs = (await ReadJsonAsync(await otherClient.PostAsync("/knowledge/faq", Json("""{"question":"Q?","answer":"A."}""")))).GetProperty("id").GetString();

        await ProblemAssert.IsValidationFailureAsync(await management.PostAsync("/knowledge/faq", Json("""{"question":"","answer":"A."}""")), "question");
        await ProblemAssert.IsValidationFailureAsync(await management.PostAsync("/knowledge/faq", Json(JsonSerializer.Serialize(new { question = new string('q', 501), answer = "A." }))), "question");
        await ProblemAssert.IsValidationFailureAsync(await management.PostAsync("/knowledge/faq", Json(JsonSerializer.Serialize(new { question = "Q?", answer = new string('a', 8001) }))), "answer");
        await ProblemAssert.IsValidationFailureAsync(await management.PostAsync("/knowledge/faq", Json("""{"question":"Q?"}""")), "answer");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/knowledge/faq?status=rejected"), "status");
        await ProblemAssert.IsValidationFailureAsync(await management.GetAsync("/knowledge/faq?source=web"), "source");
        await ProblemAssert.IsProblemAsync(await management.PutAsync($"/knowledge/faq/{theirs}", Json("""{"question":"Mine?","answer":"No."}""")), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await management.DeleteAsync($"/knowledge/faq/{theirs}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await management.PostAsync("/knowledge/faq/not-an-id/approve", null), HttpStatusCode.NotFound, "not_found");
        Assert.That((await ReadJsonAsync(await management.GetAsync("/knowledge/faq"))).GetProperty("total").GetInt32(), Is.Zero);
        Assert.That((await ReadJsonAsync(await otherClient.GetAsync("/knowledge/faq"))).GetProperty("items")[0].GetProperty("question").GetString(), Is.EqualTo("Q?"));
    }

    private async Task<string> SuggestAsync(Guid botId, string question, FaqSource source)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Chat9DbContext>();
        var entry = FaqEntry.Suggest(botId, question, "An answer from the " + source + ".", source, 0.8, null, DateTimeOffset.UtcNow);
        db.FaqEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id.ToString();
    }

    private static string?[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())];
}
