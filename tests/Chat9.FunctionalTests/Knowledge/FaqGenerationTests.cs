using System.Text;
using System.Text.Json;
using Chat9.Domain.Jobs;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Knowledge;

/// <summary>FAQ candidates suggested from documents and chat logs (management-api.md "FAQ"), offline: no model is configured.</summary>
public sealed class FaqGenerationTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    private const string Guide = """
        # Zenpad Guide

        Zenpad is a writing app for teams.

        ## How do I export a draft?

        Open the draft and choose **Export**, then pick *PDF* or *Markdown*.

        ### Large drafts

        Drafts over 100 pages export in the background.

        ## Can I restore a deleted draft

        Yes: deleted drafts stay in the **Trash** for 30 days.

        ## Keyboard shortcuts

        Press Ctrl+K to search.

        ## Offline mode

        Zenpad works offline on the desktop app. Offline drafts sync again as soon as you reconnect to the internet.
        """;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Jobs:KnowledgeRefreshDelaySeconds"] = "0",
        ["RateLimits:ManagementPerKeyPerMinute"] = "10000",
        ["RateLimits:ChatPerKeyPerMinute"] = "10000",
        ["RateLimits:UploadsPerBotPerHour"] = "1000",
    };

    [Test]
    public async Task Question_headings_of_an_uploaded_document_become_candidates()
    {
        var bot = await CreateBotAsync("Zenpad");
        using var management = ClientWithKey(bot.ApiKey);

        var documentId = await UploadReadyAsync(management, "guide.md", Guide);
        var jobs = await Factory.WaitUntilIdleAsync(bot.Id);
        var page = await ReadJsonAsync(await management.GetAsync("/knowledge/faq?status=candidate"));
        var items = Items(page);

        Assert.That(jobs.Where(j => j.Kind == BotJobKind.FaqGeneration).Select(j => j.Status), Is.EqualTo(new[] { BotJobStatus.Succeeded }));
        Assert.That(items.Select(i => i.GetProperty("question").GetString()), Is.EquivalentTo(new[] { "How do I export a draft?", "Can I restore a deleted draft?" }));
        var export = items.Single(i => i.GetProperty("question").GetString() == "How do I export a draft?");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(export.GetProperty("answer").GetString(), Is.EqualTo(
                "Open the draft and choose **Export**, then pick *PDF* or *Markdown*.\n\n**Large drafts**\n\nDrafts over 100 pages export in the background."));
            Assert.That(export.GetProperty("status").GetString(), Is.EqualTo("candidate"), "never approved automatically");
            Assert.That(export.GetProperty("source").GetString(), Is.EqualTo("docs"));
            Assert.That(export.GetProperty("source_document_id").GetGuid(), Is.EqualTo(documentId));
            Assert.That(export.GetProperty("confidence").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(export.GetProperty("approved_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(page.GetProperty("candidate_count").GetInt32(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task A_rated_up_answer_becomes_a_candidate_with_the_ideal_answer_and_the_answers_confidence()
    {
        var bot = await CreateBotAsync("Zenpad");
        using var management = ClientWithKey(bot.ApiKey);
        await UploadReadyAsync(management, "guide.md", Guide);
        await Factory.WaitUntilIdleAsync(bot.Id);

        var answer = await AskAsync(management, "Which shortcut searches my drafts?");
        var messageId = answer.GetProperty("message_id").GetGuid();
        var rated = await management.PostAsync($"/chat/messages/{messageId}/feedback", Json("""{"feedback":"up","ideal_answer":"Press **Ctrl+K** anywhere."}"""));
        var confidence = await ConfidenceAsync(management, answer);
        Assert.That((int)rated.StatusCode, Is.EqualTo(200), await rated.Content.ReadAsStringAsync());

        Assert.That(await Factory.RunAsync(bot.Id, BotJobKind.FaqGeneration), Is.EqualTo(BotJobStatus.Succeeded));
        var fromLogs = Items(await ReadJsonAsync(await management.GetAsync("/knowledge/faq?source=logs")));

        Assert.That(fromLogs, Has.Length.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromLogs[0].GetProperty("question").GetString(), Is.EqualTo("Which shortcut searches my drafts?"));
            Assert.That(fromLogs[0].GetProperty("answer").GetString(), Is.EqualTo("Press **Ctrl+K** anywhere."), "the ideal answer wins");
            Assert.That(fromLogs[0].GetProperty("status").GetString(), Is.EqualTo("candidate"));
            Assert.That(fromLogs[0].GetProperty("confidence").GetDouble(), Is.EqualTo(confidence).Within(1e-9));
            Assert.That(fromLogs[0].GetProperty("source_document_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public async Task A_question_asked_in_three_conversations_and_answered_confidently_becomes_a_candidate()
    {
        var bot = await CreateBotAsync("Zenpad");
        using var management = ClientWithKey(bot.ApiKey);
        await UploadReadyAsync(management, "guide.md", Guide);
        await Factory.WaitUntilIdleAsync(bot.Id);

        var twice = new[] { await AskAsync(management, "Does Zenpad work offline?"), await AskAsync(management, "Does zenpad work offline") };
        Assert.That(await Factory.RunAsync(bot.Id, BotJobKind.FaqGeneration), Is.EqualTo(BotJobStatus.Succeeded));
        var afterTwo = Items(await ReadJsonAsync(await management.GetAsync("/knowledge/faq?source=logs")));
        var third = await AskAsync(management, "Does Zenpad work offline?");
        Assert.That(await Factory.RunAsync(bot.Id, BotJobKind.FaqGeneration), Is.EqualTo(BotJobStatus.Succeeded));
        var afterThree = Items(await ReadJsonAsync(await management.GetAsync("/knowledge/faq?source=logs")));

        Assert.That(afterTwo, Is.Empty, "asked in two conversations only");
        Assert.That(afterThree, Has.Length.EqualTo(1));
        var confidences = await Task.WhenAll(twice.Append(third).Select(a => ConfidenceAsync(management, a)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterThree[0].GetProperty("question").GetString(), Does.StartWith("Does ").And.Contain("work offline"));
            Assert.That(afterThree[0].GetProperty("answer").GetString(), Does.Contain("offline"));
            Assert.That(afterThree[0].GetProperty("confidence").GetDouble(), Is.EqualTo(confidences.Max()).Within(1e-9));
            Assert.That(confidences, Has.All.GreaterThanOrEqualTo(0.35), "answered confidently (lexical threshold)");
        }
    }

    [Test]
    public async Task A_rejected_candidate_is_never_suggested_again()
    {
        var bot = await CreateBotAsync("Zenpad");
        using var management = ClientWithKey(bot.ApiKey);
        await UploadReadyAsync(management, "guide.md", Guide);
        await Factory.WaitUntilIdleAsync(bot.Id);
        var candidates = Items(await ReadJsonAsync(await management.GetAsync("/knowledge/faq")));
        var restore = candidates.Single(c => c.GetProperty("question").GetString() == "Can I restore a deleted draft?").GetProperty("id").GetString();
        var export = candidates.Single(c => c.GetProperty("question").GetString() == "How do I export a draft?").GetProperty("id").GetString();

        Assert.That((int)(await management.PostAsync($"/knowledge/faq/{restore}/reject", null)).StatusCode, Is.EqualTo(204));
        Assert.That((int)(await management.PostAsync($"/knowledge/faq/{export}/approve", null)).StatusCode, Is.EqualTo(200));
        await UploadReadyAsync(management, "guide-copy.md", Guide.Replace("# Zenpad Guide", "# Zenpad Guide (copy)", StringComparison.Ordinal));
        await Factory.WaitUntilIdleAsync(bot.Id);
        Assert.That(await Factory.RunAsync(bot.Id, BotJobKind.FaqGeneration), Is.EqualTo(BotJobStatus.Succeeded));
        var after = await ReadJsonAsync(await management.GetAsync("/knowledge/faq?status=all"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Items(after).Select(i => i.GetProperty("question").GetString()), Is.EqualTo(new[] { "How do I export a draft?" }),
                "neither the rejected nor the approved question comes back, from the same or another document");
            Assert.That(after.GetProperty("candidate_count").GetInt32(), Is.Zero);
        }
    }

    [Test]
    public async Task One_run_adds_at_most_twenty_candidates_and_the_next_run_the_rest()
    {
        var bot = await CreateBotAsync("Zenpad");
        using var management = ClientWithKey(bot.ApiKey);
        var topics = new[]
        {
            "export", "import", "print", "share", "archive", "rename", "duplicate", "tag", "pin", "lock", "unlock", "translate", "spellcheck",
            "schedule", "publish", "unpublish", "embed", "comment on", "watch", "unwatch", "merge", "split", "reorder", "color", "star",
        };
        var many = "# Drafts\n\n" + string.Join("\n\n", topics.Select(t => $"## How do I {t} a draft?\n\nUse the **{t}** command in the draft menu."));

        await UploadReadyAsync(management, "drafts.md", many);
        await Factory.WaitUntilIdleAsync(bot.Id);
        var first = await ReadJsonAsync(await management.GetAsync("/knowledge/faq?limit=200"));
        Assert.That(await Factory.RunAsync(bot.Id, BotJobKind.FaqGeneration), Is.EqualTo(BotJobStatus.Succeeded));
        var second = await ReadJsonAsync(await management.GetAsync("/knowledge/faq?limit=200"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.GetProperty("candidate_count").GetInt32(), Is.EqualTo(20));
            Assert.That(second.GetProperty("candidate_count").GetInt32(), Is.EqualTo(25));
            Assert.That(Items(second).Select(i => i.GetProperty("question").GetString()), Is.Unique);
        }
    }

    [Test]
    public async Task Each_bot_gets_suggestions_from_its_own_documents_and_decisions()
    {
        var alpha = await CreateBotAsync("Alpha");
        var beta = await CreateBotAsync("Beta");
        using var alphaClient = ClientWithKey(alpha.ApiKey);
        using var betaClient = ClientWithKey(beta.ApiKey);
        await UploadReadyAsync(alphaClient, "guide.md", Guide);
        await Factory.WaitUntilIdleAsync(alpha.Id);
        foreach (var candidate in Items(await ReadJsonAsync(await alphaClient.GetAsync("/knowledge/faq"))))
        {
            await alphaClient.PostAsync($"/knowledge/faq/{candidate.GetProperty("id").GetString()}/reject", null);
        }

        Assert.That(await Factory.RunAsync(beta.Id, BotJobKind.FaqGeneration), Is.EqualTo(BotJobStatus.Succeeded));
        var betaBefore = await ReadJsonAsync(await betaClient.GetAsync("/knowledge/faq?status=all"));
        await UploadReadyAsync(betaClient, "guide.md", Guide);
        await Factory.WaitUntilIdleAsync(beta.Id);
        var betaAfter = Items(await ReadJsonAsync(await betaClient.GetAsync("/knowledge/faq")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(betaBefore.GetProperty("total").GetInt32(), Is.Zero, "no documents, no logs: nothing to suggest");
            Assert.That(betaAfter.Select(i => i.GetProperty("question").GetString()), Is.EquivalentTo(new[] { "How do I export a draft?", "Can I restore a deleted draft?" }),
                "another bot's rejections do not count");
            Assert.That((await ReadJsonAsync(await alphaClient.GetAsync("/knowledge/faq"))).GetProperty("total").GetInt32(), Is.Zero);
        }
    }

    private async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        var response = await client.PostAsync("/chat", Json(JsonSerializer.Serialize(new { question })));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The stored confidence of an answer, as the transcript shows it.</summary>
    private static async Task<double> ConfidenceAsync(HttpClient client, JsonElement answer)
    {
        var transcript = JsonDocument.Parse(await client.GetStringAsync($"/chat/sessions/{answer.GetProperty("session_id").GetString()}")).RootElement;
        var message = transcript.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == answer.GetProperty("message_id").GetString());
        Assert.That(message.GetProperty("outcome").GetString(), Is.EqualTo("answer"), $"the extractive answerer answered: {message}");
        return message.GetProperty("confidence").GetDouble();
    }

    private static async Task<Guid> UploadReadyAsync(HttpClient client, string filename, string markdown)
    {
        var id = await client.UploadOkAsync(filename, Encoding.UTF8.GetBytes(markdown));
        var document = await client.WaitUntilProcessedAsync(id);
        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
        return id;
    }

    private static JsonElement[] Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
