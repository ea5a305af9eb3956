using System.Net;
using System.Text;
using System.Text.Json;
using Chat9.Application.Knowledge.Profile.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Knowledge;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Knowledge;

/// <summary><c>GET/PATCH /knowledge/profile</c> of management-api.md ("Profile"), with the profile extracted offline (no model).</summary>
public sealed class ProfileEndpointsTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    public const string GettingStarted = """
        # Getting Started with Zenpad

        Zenpad is a writing app for teams that keeps every draft in sync. This guide covers the basics.

        ## Create a workspace

        A **workspace** is a shared space for your team's drafts.

        ## Invite members

        - **Editor** — can change every draft in the workspace.
        - **Viewer** — can read drafts but cannot change them.

        ## How do I export a draft?

        Open the draft and choose **Export**.
        """;

    public const string Billing = """
        # Plans and Billing

        Zenpad has two plans.

        ## Compare plans

        **Seat** — one paid member of a workspace.
        """;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Jobs:KnowledgeRefreshDelaySeconds"] = "0",
        ["RateLimits:ManagementPerKeyPerMinute"] = "10000",
        ["RateLimits:UploadsPerBotPerHour"] = "1000",
    };

    /// <summary>
    /// The race the profile's revision token closes: an operator's edit committed after an extraction read the profile
    /// and before it saved. The extraction's save conflicts, it reads the profile again and applies on top: the edit
    /// stays, the extraction fills the fields nobody edited.
    /// </summary>
    [Test]
    public async Task An_edit_saved_while_an_extraction_applies_is_kept_and_the_extraction_lands_on_top()
    {
        var bot = await CreateBotAsync("Race Assistant");
        using var management = ClientWithKey(bot.ApiKey);
        using var scope = Factory.Services.CreateScope();
        var profiles = scope.ServiceProvider.GetRequiredService<IRepository<KnowledgeProfile>>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var attempts = 0;

        await profiles.ChangeAsync(unitOfWork, bot.Id, TimeProvider.System, (profile, now) =>
        {
            if (++attempts == 1)
            {
                // Another request (the operator's PATCH) commits between this read and the save below.
                var edit = management.PatchAsync("/knowledge/profile", Json("""{"product_name": "Edited name"}""")).GetAwaiter().GetResult();
                Assert.That((int)edit.StatusCode, Is.EqualTo(200));
            }

            profile.ApplyExtraction("Extracted name", "Extracted summary.", ["Exports"], [], now);
        }, CancellationToken.None);
        var stored = await ReadJsonAsync(await management.GetAsync("/knowledge/profile"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempts, Is.EqualTo(2), "the first save conflicted with the edit and the extraction was applied again");
            Assert.That(stored.GetProperty("product_name").GetString(), Is.EqualTo("Edited name"), stored.ToString());
            Assert.That(stored.GetProperty("summary").GetString(), Is.EqualTo("Extracted summary."));
            Assert.That(Strings(stored.GetProperty("edited_fields")), Is.EquivalentTo(new[] { "product_name" }));
        }
    }

    [Test]
    public async Task The_profile_is_extracted_from_the_documents_after_an_upload()
    {
        var bot = await CreateBotAsync("Zenpad Assistant");
        using var management = ClientWithKey(bot.ApiKey);
        var before = await ReadJsonAsync(await management.GetAsync("/knowledge/profile"));

        await UploadReadyAsync(management, "getting-started.md", GettingStarted);
        var profile = await WaitForExtractionAsync(management, after: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.GetProperty("extraction_status").GetString(), Is.EqualTo("pending"));
            Assert.That(before.GetProperty("product_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(before.GetProperty("topics").GetArrayLength(), Is.Zero);
            Assert.That(before.GetProperty("extracted_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(profile.GetProperty("product_name").GetString(), Is.EqualTo("Zenpad"));
            Assert.That(profile.GetProperty("summary").GetString(), Is.EqualTo("Zenpad is a writing app for teams that keeps every draft in sync. This guide covers the basics."));
            Assert.That(Strings(profile.GetProperty("topics")), Is.EqualTo(new[] { "Getting Started with Zenpad", "Create a workspace", "Invite members" }));
            Assert.That(Glossary(profile), Does.Contain(("workspace", "A shared space for your team's drafts."))
                .And.Contain(("Editor", "Can change every draft in the workspace."))
                .And.Contain(("Viewer", "Can read drafts but cannot change them.")));
            Assert.That(profile.GetProperty("edited_fields").GetArrayLength(), Is.Zero);
            Assert.That(profile.GetProperty("updated_at").GetString(), Does.EndWith("Z"));
        }
    }

    [Test]
    public async Task Edited_fields_survive_later_extractions_and_the_rest_is_extracted_again()
    {
        var bot = await CreateBotAsync("Zenpad Assistant");
        using var management = ClientWithKey(bot.ApiKey);
        await UploadReadyAsync(management, "getting-started.md", GettingStarted);
        var first = await WaitForExtractionAsync(management, after: null);

        var edited = await management.PatchAsync("/knowledge/profile", Json("""
            {"product_name": "  Zenpad Cloud  ", "topics": ["Drafts", "Teams", "drafts"], "glossary": [{"term": "Draft", "definition": "A text in progress."}]}
            """));
        var editedBody = await ReadJsonAsync(edited);
        await UploadReadyAsync(management, "billing.md", Billing);
        var second = await WaitForExtractionAsync(management, after: first.GetProperty("extracted_at").GetString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK), editedBody.ToString());
            Assert.That(editedBody.GetProperty("product_name").GetString(), Is.EqualTo("Zenpad Cloud"));
            Assert.That(Strings(editedBody.GetProperty("topics")), Is.EqualTo(new[] { "Drafts", "Teams" }), "duplicates ignoring case are dropped");
            Assert.That(Strings(editedBody.GetProperty("edited_fields")), Is.EquivalentTo(new[] { "product_name", "topics", "glossary" }));
            Assert.That(second.GetProperty("product_name").GetString(), Is.EqualTo("Zenpad Cloud"));
            Assert.That(Strings(second.GetProperty("topics")), Is.EqualTo(new[] { "Drafts", "Teams" }));
            Assert.That(Glossary(second), Is.EqualTo(new[] { ("Draft", "A text in progress.") }));
            Assert.That(second.GetProperty("summary").GetString(), Does.StartWith("Zenpad is a writing app"), "not edited: extracted again");
            Assert.That(second.GetProperty("extraction_status").GetString(), Is.EqualTo("done"));
        }
    }

    [Test]
    public async Task A_bot_without_documents_gets_an_empty_extraction_and_clearing_a_field_keeps_it_cleared()
    {
        var bot = await CreateBotAsync("Empty bot");
        using var management = ClientWithKey(bot.ApiKey);
        await management.PatchAsync("/knowledge/profile", Json("""{"product_name": "Something", "summary": "Soon."}"""));
        var cleared = await ReadJsonAsync(await management.PatchAsync("/knowledge/profile", Json("""{"summary": null, "product_name": "   "}""")));

        var status = await Factory.RunAsync(bot.Id, BotJobKind.ProfileExtraction);
        var profile = await ReadJsonAsync(await management.GetAsync("/knowledge/profile"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cleared.GetProperty("summary").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cleared.GetProperty("product_name").ValueKind, Is.EqualTo(JsonValueKind.Null), "a blank name is no name");
            Assert.That(status, Is.EqualTo(BotJobStatus.Succeeded));
            Assert.That(profile.GetProperty("extraction_status").GetString(), Is.EqualTo("done"));
            Assert.That(profile.GetProperty("extracted_at").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(profile.GetProperty("topics").GetArrayLength(), Is.Zero);
            Assert.That(Strings(profile.GetProperty("edited_fields")), Is.EquivalentTo(new[] { "product_name", "summary" }));
        }
    }

    [TestCase("""{"product_name": "PNAME"}""", "product_name")]
    [TestCase("""{"summary": "SUMMARY"}""", "summary")]
    [TestCase("""{"topics": null}""", "topics")]
    [TestCase("""{"topics": "Drafts"}""", "topics")]
    [TestCase("""{"topics": TOPICS51}""", "topics")]
    [TestCase("""{"topics": ["Drafts", ""]}""", "topics[1]")]
    [TestCase("""{"topics": ["TOPIC101"]}""", "topics[0]")]
    [TestCase("""{"topics": ["Drafts", 7]}""", "topics[1]")]
    [TestCase("""{"glossary": null}""", "glossary")]
    [TestCase("""{"glossary": GLOSSARY201}""", "glossary")]
    [TestCase("""{"glossary": [null]}""", "glossary[0]")]
    [TestCase("""{"glossary": [{"term": "", "definition": "A text."}]}""", "glossary[0].term")]
    [TestCase("""{"glossary": [{"term": "TERM101", "definition": "A text."}]}""", "glossary[0].term")]
    [TestCase("""{"glossary": [{"term": "Draft"}]}""", "glossary[0].definition")]
    [TestCase("""{"glossary": [{"term": "Draft", "definition": "DEFINITION1001"}]}""", "glossary[0].definition")]
    [TestCase("""{"glossary": [{"term": "Draft", "definition": "A text.", "source": "docs"}]}""", "glossary[0].source")]
    [TestCase("""{"color": "red"}""", "color")]
    [TestCase("""{"extraction_status": "done"}""", "extraction_status")]
    [TestCase("""{"edited_fields": []}""", "edited_fields")]
    [TestCase("""{"extracted_at": null}""", "extracted_at")]
    [TestCase("""{"updated_at": null}""", "updated_at")]
    public async Task Patch_rejects_what_breaks_the_limits(string body, string field)
    {
        var bot = await CreateBotAsync("Validation bot");
        using var management = ClientWithKey(bot.ApiKey);
        var json = body
            .Replace("PNAME", new string('p', 201), StringComparison.Ordinal)
            .Replace("SUMMARY", new string('s', 2001), StringComparison.Ordinal)
            .Replace("TOPICS51", JsonSerializer.Serialize(Enumerable.Range(1, 51).Select(i => $"Topic {i}")), StringComparison.Ordinal)
            .Replace("TOPIC101", new string('t', 101), StringComparison.Ordinal)
            .Replace("GLOSSARY201", JsonSerializer.Serialize(Enumerable.Range(1, 201).Select(i => new { term = $"T{i}", definition = "D." })), StringComparison.Ordinal)
            .Replace("TERM101", new string('t', 101), StringComparison.Ordinal)
            .Replace("DEFINITION1001", new string('d', 1001), StringComparison.Ordinal);

        await ProblemAssert.IsValidationFailureAsync(await management.PatchAsync("/knowledge/profile", Json(json)), field);
        var profile = await ReadJsonAsync(await management.GetAsync("/knowledge/profile"));
        Assert.That(profile.GetProperty("edited_fields").GetArrayLength(), Is.Zero, "nothing changed");
    }

    [Test]
    public async Task Patch_accepts_values_at_the_limits_and_answers_bad_bodies_with_problems()
    {
        var bot = await CreateBotAsync("Limits bot");
        using var management = ClientWithKey(bot.ApiKey);
        var atLimits = JsonSerializer.Serialize(new
        {
            product_name = new string('p', 200),
            summary = new string('s', 2000),
            topics = Enumerable.Range(1, 50).Select(i => $"Topic {i}" + new string('x', 90)),
            glossary = Enumerable.Range(1, 200).Select(i => new { term = $"Term {i}", definition = "D." }),
        });

        var ok = await management.PatchAsync("/knowledge/profile", Json(atLimits));

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(await management.PatchAsync("/knowledge/profile", Json("{not json")), HttpStatusCode.BadRequest, "invalid_json");
        await ProblemAssert.IsProblemAsync(
            await management.PatchAsync("/knowledge/profile", new StringContent("{}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await ProblemAssert.IsValidationFailureAsync(await management.PatchAsync("/knowledge/profile", Json("[]")), "body");
        await ProblemAssert.IsProblemAsync(await Client.GetAsync("/knowledge/profile"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task Each_bot_sees_and_edits_only_its_own_profile()
    {
        var alpha = await CreateBotAsync("Alpha");
        var beta = await CreateBotAsync("Beta");
        using var alphaClient = ClientWithKey(alpha.ApiKey);
        using var betaClient = ClientWithKey(beta.ApiKey);

        await alphaClient.PatchAsync("/knowledge/profile", Json("""{"product_name": "Alpha Cloud"}"""));
        await UploadReadyAsync(alphaClient, "getting-started.md", GettingStarted);
        await WaitForExtractionAsync(alphaClient, after: null);
        var alphaProfile = await ReadJsonAsync(await alphaClient.GetAsync("/knowledge/profile"));
        var betaProfile = await ReadJsonAsync(await betaClient.GetAsync("/knowledge/profile"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(alphaProfile.GetProperty("product_name").GetString(), Is.EqualTo("Alpha Cloud"));
            Assert.That(betaProfile.GetProperty("product_name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(betaProfile.GetProperty("extraction_status").GetString(), Is.EqualTo("pending"));
            Assert.That(betaProfile.GetProperty("topics").GetArrayLength(), Is.Zero);
            Assert.That(betaProfile.GetProperty("edited_fields").GetArrayLength(), Is.Zero);
        }
    }

    private static async Task UploadReadyAsync(HttpClient client, string filename, string markdown)
    {
        var id = await client.UploadOkAsync(filename, Encoding.UTF8.GetBytes(markdown));
        var document = await client.WaitUntilProcessedAsync(id);
        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("ready"), document.ToString());
    }

    /// <summary>Polls the profile until an extraction finished (after <paramref name="after"/>, when given).</summary>
    public static async Task<JsonElement> WaitForExtractionAsync(HttpClient client, string? after)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var profile = JsonDocument.Parse(await client.GetStringAsync("/knowledge/profile")).RootElement.Clone();
            var extractedAt = profile.GetProperty("extracted_at");
            if (profile.GetProperty("extraction_status").GetString() != "pending" && extractedAt.ValueKind == JsonValueKind.String
                && (after is null || string.CompareOrdinal(extractedAt.GetString(), after) > 0))
            {
                return profile;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"No extraction yet: {profile}");
            await Task.Delay(100);
        }
    }

    private static string?[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];

    private static (string?, string?)[] Glossary(JsonElement profile) =>
        [.. profile.GetProperty("glossary").EnumerateArray().Select(g => (g.GetProperty("term").GetString(), g.GetProperty("definition").GetString()))];
}
