using System.Net;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Bots;

public sealed class BotSettingsTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    [Test]
    public async Task GetBot_ReturnsEveryDocumentedMember()
    {
        var bot = await CreateBotAsync("Acme Assistant", "acme.test", "*.acme.test");
        using var client = ClientWithKey(bot.ApiKey);

        var json = await ReadJsonAsync(await client.GetAsync("/bot"));

        string[] members = ["id", "public_id", "name", "status", "greeting", "instructions", "accent_color", "link_safety_enabled",
            "allowed_domains", "escalation", "answering", "identity", "limits", "created_at", "updated_at"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(members));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(json.GetProperty("accent_color").GetString(), Is.EqualTo("#6d28d9"));
            Assert.That(json.GetProperty("greeting").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(json.GetProperty("allowed_domains").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "acme.test", "*.acme.test" }));
            Assert.That(json.GetProperty("escalation").GetProperty("enabled").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("identity").GetProperty("secret_configured").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("limits").GetProperty("message_max_chars").GetInt32(), Is.EqualTo(1000));
            Assert.That(json.GetProperty("limits").GetProperty("max_file_bytes").GetInt64(), Is.EqualTo(52_428_800));
            Assert.That(json.GetProperty("created_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        }
    }

    [Test]
    public async Task Patch_ChangesOnlyTheMembersSent_AndNullClears()
    {
        var bot = await CreateBotAsync("Before");
        using var client = ClientWithKey(bot.ApiKey);
        await client.PatchAsync("/bot", Json("""{"greeting":"Hi!","instructions":"Be brief."}"""));

        var response = await client.PatchAsync("/bot", Json("""
            {"name":"  After  ","greeting":null,"accent_color":"#ABCDEF","link_safety_enabled":false,
             "allowed_domains":["Example.COM","*.example.com","example.com"],
             "escalation":{"support_email":"help@example.com"},
             "answering":{"low_confidence_threshold":0.5}}
            """));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        var reread = await ReadJsonAsync(await client.GetAsync("/bot"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("After"));
            Assert.That(json.GetProperty("greeting").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(json.GetProperty("instructions").GetString(), Is.EqualTo("Be brief."), "untouched member keeps its value");
            Assert.That(json.GetProperty("accent_color").GetString(), Is.EqualTo("#abcdef"));
            Assert.That(json.GetProperty("link_safety_enabled").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("allowed_domains").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "example.com", "*.example.com" }));
            Assert.That(json.GetProperty("escalation").GetProperty("support_email").GetString(), Is.EqualTo("help@example.com"));
            Assert.That(json.GetProperty("escalation").GetProperty("enabled").GetBoolean(), Is.True, "sibling member unchanged");
            Assert.That(json.GetProperty("answering").GetProperty("low_confidence_threshold").GetDouble(), Is.EqualTo(0.5));
            Assert.That(reread.ToString(), Is.EqualTo(json.ToString()), "the change is stored");
        }
    }

    [TestCase("""{"public_id":"ch_aaaaaaaaaaaaaaaa"}""", "public_id")]
    [TestCase("""{"status":"disabled"}""", "status")]
    [TestCase("""{"limits":{}}""", "limits")]
    [TestCase("""{"nmae":"typo"}""", "nmae")]
    [TestCase("""{"escalation":{"enabeld":true}}""", "escalation.enabeld")]
    [TestCase("""{"name":5}""", "name")]
    [TestCase("""{"link_safety_enabled":"yes"}""", "link_safety_enabled")]
    [TestCase("""{"allowed_domains":"example.com"}""", "allowed_domains")]
    [TestCase("""{"escalation":{"enabled":null}}""", "escalation.enabled")]
    [TestCase("""{"escalation":{"enabled":"yes"}}""", "escalation.enabled")]
    [TestCase("""{"answering":{"low_confidence_threshold":"high"}}""", "answering.low_confidence_threshold")]
    [TestCase("""{"name":""}""", "name")]
    [TestCase("""{"name":null}""", "name")]
    [TestCase("""{"accent_color":"purple"}""", "accent_color")]
    [TestCase("""{"allowed_domains":["https://example.com"]}""", "allowed_domains")]
    [TestCase("""{"escalation":{"support_email":"not-an-email"}}""", "escalation.support_email")]
    [TestCase("""{"escalation":{"webhook_url":"ftp://example.com/hook"}}""", "escalation.webhook_url")]
    [TestCase("""{"answering":{"faq_match_threshold":1.5}}""", "answering.faq_match_threshold")]
    public async Task Patch_WithBadMember_Is422NamingTheMember_AndChangesNothing(string body, string field)
    {
        var bot = await CreateBotAsync("Unchanged");
        using var client = ClientWithKey(bot.ApiKey);

        var response = await client.PatchAsync("/bot", Json(body));

        await ProblemAssert.IsValidationFailureAsync(response, field);
        var after = await ReadJsonAsync(await client.GetAsync("/bot"));
        Assert.That(after.GetProperty("name").GetString(), Is.EqualTo("Unchanged"));
    }

    [Test]
    public async Task Patch_NameOverLimit_Is422_ButExactlyAtLimitCountsCodePoints()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);

        var tooLong = await client.PatchAsync("/bot", Json($$"""{"name":"{{new string('x', 101)}}"}"""));
        var emojiName = string.Concat(Enumerable.Repeat("😀", 100));
        var atLimit = await client.PatchAsync("/bot", Json($$"""{"name":"{{emojiName}}"}"""));

        await ProblemAssert.IsValidationFailureAsync(tooLong, "name");
        Assert.That(atLimit.StatusCode, Is.EqualTo(HttpStatusCode.OK), "100 emoji are 100 characters (code points), not 200 UTF-16 units");
    }

    [TestCase("{", "invalid_json", HttpStatusCode.BadRequest)]
    [TestCase("{\"name\": \"x\",}", "invalid_json", HttpStatusCode.BadRequest)]
    [TestCase("", "invalid_json", HttpStatusCode.BadRequest)]
    [TestCase("[]", "validation_failed", HttpStatusCode.UnprocessableEntity)]
    [TestCase("\"just a string\"", "validation_failed", HttpStatusCode.UnprocessableEntity)]
    public async Task Patch_WithMalformedBody_GetsAClearProblem(string body, string code, HttpStatusCode status)
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);

        var response = await client.PatchAsync("/bot", Json(body));

        await ProblemAssert.IsProblemAsync(response, status, code);
    }

    [Test]
    public async Task Patch_WithWrongContentType_Is415()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);

        var response = await client.PatchAsync("/bot", new StringContent("""{"name":"x"}""", System.Text.Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task Patch_OverTheJsonBodyLimit_Is413WithMaxBytes()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var huge = $$"""{"greeting":"{{new string('a', 70 * 1024)}}"}""";

        var response = await client.PatchAsync("/bot", Json(huge));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.That(problem.GetProperty("max_bytes").GetInt32(), Is.EqualTo(64 * 1024));
    }

    [Test]
    public async Task Patch_WithDeeplyNestedJson_IsRejectedWithoutA500()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);
        var nested = new string('[', 5000) + new string(']', 5000);

        var response = await client.PatchAsync("/bot", Json($$"""{"name":{{nested}}}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
    }
}
