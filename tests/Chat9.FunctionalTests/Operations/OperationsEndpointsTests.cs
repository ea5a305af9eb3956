using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Operations;

public sealed class OperationsEndpointsTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    [Test]
    public async Task Health_IsOk()
    {
        var response = await Client.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"status":"ok"}"""));
    }

    [Test]
    public async Task Ready_IsOkWhenTheDatabaseAnswers()
    {
        var response = await Client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task UnknownPath_IsANotFoundProblem()
    {
        var response = await Client.GetAsync("/no/such/path");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task WrongMethod_IsAMethodNotAllowedProblem()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);

        var response = await client.DeleteAsync("/bot");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Test]
    public async Task OpenApi_DescribesBotEndpointsTheirAuthAndErrors()
    {
        var response = await Client.GetAsync("/openapi.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var doc = await ReadJsonAsync(response);

        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        var getBot = doc.GetProperty("paths").GetProperty("/bot").GetProperty("get");
        var patchBot = doc.GetProperty("paths").GetProperty("/bot").GetProperty("patch");
        var health = doc.GetProperty("paths").GetProperty("/health").GetProperty("get");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(doc.GetProperty("openapi").GetString(), Does.StartWith("3."));
            Assert.That(schemes.GetProperty("BearerApiKey").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(schemes.GetProperty("HeaderApiKey").GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
            Assert.That(getBot.GetProperty("security").GetArrayLength(), Is.EqualTo(2));
            Assert.That(health.TryGetProperty("security", out var healthSecurity) ? healthSecurity.GetArrayLength() : 0, Is.Zero);
            Assert.That(getBot.GetProperty("responses").GetProperty("401").GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True);
            Assert.That(ResponseCodes(patchBot), Is.SupersetOf(new[] { "200", "400", "401", "403", "413", "415", "422" }));
            Assert.That(ResponseCodes(getBot), Is.EquivalentTo(new[] { "200", "401", "429", "500" }), "GET /bot answers a disabled bot too: no 403");
            var bodySchema = patchBot.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.That(bodySchema.ToString(), Does.Contain("PatchBotRequest"));
            var patchSchema = doc.GetProperty("components").GetProperty("schemas").GetProperty("PatchBotRequest").GetProperty("properties");
            Assert.That(patchSchema.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
                { "name", "greeting", "instructions", "accent_color", "link_safety_enabled", "allowed_domains", "escalation", "answering" }));
            Assert.That(patchSchema.GetProperty("name").GetProperty("type").GetString(), Is.EqualTo("string"));
            var botSchema = doc.GetProperty("components").GetProperty("schemas").GetProperty("BotDto").GetProperty("properties");
            Assert.That(botSchema.TryGetProperty("public_id", out _), Is.True, "schemas use the snake_case wire names");
        }
    }

    [Test]
    public async Task OpenApi_DescribesTheChatStreams_AndTheChatHeaders()
    {
        var doc = await ReadJsonAsync(await Client.GetAsync("/openapi.json"));

        var chat = doc.GetProperty("paths").GetProperty("/chat").GetProperty("post");
        var widget = doc.GetProperty("paths").GetProperty("/widget/chat").GetProperty("post");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chat.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name),
                Is.EquivalentTo(new[] { "application/json", "text/event-stream" }));
            Assert.That(chat.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
                Is.SupersetOf(new[] { "Accept", "X-Browser-Locale", "Idempotency-Key" }));
            Assert.That(ResponseCodes(chat), Is.SupersetOf(new[] { "200", "400", "401", "409", "413", "422", "429", "503" }));
            Assert.That(widget.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _), Is.True);
            Assert.That(widget.TryGetProperty("security", out var security) ? security.GetArrayLength() : 0, Is.Zero, "the widget needs no key");
            Assert.That(widget.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
                Is.SupersetOf(new[] { "bot_id", "session_id", "locale" }));
        }
    }

    [Test]
    public async Task Docs_ServesTheInteractiveUi()
    {
        var response = await Client.GetAsync("/docs/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }

    private static IEnumerable<string> ResponseCodes(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(p => p.Name);
}
