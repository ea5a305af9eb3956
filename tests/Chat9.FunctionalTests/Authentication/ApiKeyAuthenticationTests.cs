using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Authentication;

public sealed class ApiKeyAuthenticationTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    [Test]
    public async Task BearerKey_FromCliCreatedBot_ReturnsThatBot()
    {
        var created = (await RunCliAsync("bots", "create", "--name", "Acme", "--json")).Json();

        using var client = ClientWithKey(created.GetProperty("api_key").GetString()!);
        var response = await client.GetAsync("/bot");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var bot = await ReadJsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.GetProperty("public_id").GetString(), Is.EqualTo(created.GetProperty("public_id").GetString()));
            Assert.That(bot.GetProperty("id").GetString(), Is.EqualTo(created.GetProperty("id").GetString()));
            Assert.That(bot.GetProperty("name").GetString(), Is.EqualTo("Acme"));
        }
    }

    [Test]
    public async Task XApiKeyHeader_IsAccepted()
    {
        var bot = await CreateBotAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bot");
        request.Headers.Add("X-Api-Key", bot.ApiKey);

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AuthorizationHeader_WinsOverXApiKey()
    {
        var bot = await CreateBotAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bot");
        request.Headers.Add("Authorization", "Bearer ck_wrongwrongwrongwrongwrongwrongwrongwrongwro");
        request.Headers.Add("X-Api-Key", bot.ApiKey);

        var response = await Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task MissingUnknownMalformedAndRevokedKeys_GetOneIdentical401()
    {
        var bot = await CreateBotAsync();
        var revoked = (await RunCliAsync("keys", "create", "--bot", bot.PublicId, "--json")).Json();
        Assert.That((await RunCliAsync("keys", "revoke", revoked.GetProperty("id").GetString()!, "--json")).ExitCode, Is.Zero);

        var attempts = new Dictionary<string, Action<HttpRequestMessage>>
        {
            ["missing"] = _ => { },
            ["unknown"] = r => r.Headers.Add("Authorization", "Bearer ck_" + new string('A', 43)),
            ["malformed"] = r => r.Headers.Add("Authorization", "Basic Zm9vOmJhcg=="),
            ["revoked"] = r => r.Headers.Add("Authorization", "Bearer " + revoked.GetProperty("api_key").GetString()),
            ["revoked via X-Api-Key"] = r => r.Headers.Add("X-Api-Key", revoked.GetProperty("api_key").GetString()),
        };

        var bodies = new List<string>();
        foreach (var (name, prepare) in attempts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/bot");
            prepare(request);
            var response = await Client.SendAsync(request);
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"), name);
            bodies.Add(WithoutTraceId(problem));
        }

        Assert.That(bodies.Distinct().Count(), Is.EqualTo(1), string.Join("\n", bodies));
    }

    [Test]
    public async Task KeyOfBotA_NeverSeesOrChangesBotB()
    {
        var botA = await CreateBotAsync("Bot A");
        var botB = await CreateBotAsync("Bot B");
        using var clientA = ClientWithKey(botA.ApiKey);

        var seen = await ReadJsonAsync(await clientA.GetAsync("/bot"));
        var patched = await clientA.PatchAsync("/bot", Json("""{"name":"Renamed A"}"""));
        using var clientB = ClientWithKey(botB.ApiKey);
        var botBAfter = await ReadJsonAsync(await clientB.GetAsync("/bot"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen.GetProperty("public_id").GetString(), Is.EqualTo(botA.PublicId));
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(botBAfter.GetProperty("name").GetString(), Is.EqualTo("Bot B"));
            Assert.That(botBAfter.GetProperty("public_id").GetString(), Is.EqualTo(botB.PublicId));
        }
    }

    [Test]
    public async Task RotatedKey_KeepsWorkingDuringGrace_AndImmediateRotationCutsItOff()
    {
        var bot = await CreateBotAsync();

        var rotation = (await RunCliAsync("keys", "rotate", "--bot", bot.PublicId, "--json")).Json();
        using var oldClient = ClientWithKey(bot.ApiKey);
        var duringGrace = await oldClient.GetAsync("/bot");
        var newKey = rotation.GetProperty("new_key").GetProperty("api_key").GetString()!;
        using var newClient = ClientWithKey(newKey);
        var withNewKey = await newClient.GetAsync("/bot");

        var immediate = (await RunCliAsync("keys", "rotate", "--bot", bot.PublicId, "--key", rotation.GetProperty("new_key").GetProperty("id").GetString()!, "--immediate", "--json")).Json();
        var afterImmediate = await newClient.GetAsync("/bot");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rotation.GetProperty("old_key").GetProperty("status").GetString(), Is.EqualTo("revoking"));
            Assert.That(duringGrace.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(withNewKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(immediate.GetProperty("old_key").GetProperty("status").GetString(), Is.EqualTo("revoked"));
            Assert.That(afterImmediate.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task DisabledBot_GetsBotInactiveOnPatch_ButCanStillReadItsSettings()
    {
        var bot = await CreateBotAsync();
        Assert.That((await RunCliAsync("bots", "disable", bot.PublicId, "--json")).ExitCode, Is.Zero);
        using var client = ClientWithKey(bot.ApiKey);

        var get = await client.GetAsync("/bot");
        var patch = await client.PatchAsync("/bot", Json("""{"name":"x"}"""));

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(get)).GetProperty("status").GetString(), Is.EqualTo("disabled"));
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Forbidden, "bot_inactive");

        Assert.That((await RunCliAsync("bots", "enable", bot.PublicId, "--json")).ExitCode, Is.Zero);
        var patchAfterEnable = await client.PatchAsync("/bot", Json("""{"name":"x"}"""));
        Assert.That(patchAfterEnable.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ApiKeysAndSecrets_NeverReachTheLogs()
    {
        var created = (await RunCliAsync("bots", "create", "--name", "Secretive", "--json")).Json();
        var apiKey = created.GetProperty("api_key").GetString()!;
        using var client = ClientWithKey(apiKey);
        await client.GetAsync("/bot");
        await client.PatchAsync("/bot", Json("""{"greeting":"Hello there, secret greeting text"}"""));
        using var wrong = ClientWithKey(apiKey[..^1] + (apiKey[^1] == 'A' ? 'B' : 'A'));
        await wrong.GetAsync("/bot");

        var logged = string.Join("\n", Factory.Logs.Entries.Select(e => e.Message));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logged, Does.Not.Contain(apiKey[3..]));
            Assert.That(logged, Does.Not.Contain(created.GetProperty("webhook_secret").GetString()));
            Assert.That(logged, Does.Not.Contain("secret greeting text"));
        }
    }

    private static string WithoutTraceId(JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name != "trace_id").Select(p => $"{p.Name}={p.Value}"));
}
