using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;
using Chat9.WebApi.Cli;

namespace Chat9.FunctionalTests.Cli;

/// <summary>Every command of admin.md, through the same entry point the executable uses, on the fixture's database.</summary>
public sealed class AdminCliTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    [Test]
    public async Task BotsCreate_PrintsOneJsonObjectWithTheKeyAndSecret()
    {
        var result = await RunCliAsync("bots", "create", "--name", "Acme", "--allowed-domain", "acme.test", "--allowed-domain", "*.acme.test", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(AdminCli.Ok), result.Stderr);
        var json = result.Json();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(new[] { "id", "public_id", "name", "status", "api_key", "api_key_id", "webhook_secret", "created_at" }));
            Assert.That(json.GetProperty("public_id").GetString(), Does.Match("^ch_[a-z0-9]{16}$"));
            Assert.That(json.GetProperty("api_key").GetString(), Does.Match("^ck_[A-Za-z0-9_-]{43}$"));
            Assert.That(json.GetProperty("webhook_secret").GetString(), Does.Match("^[0-9a-f]{64}$"));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("active"));
        }
    }

    [Test]
    public async Task BotsCreate_WithoutName_IsAUsageError()
    {
        var result = await RunCliAsync("bots", "create", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(AdminCli.UsageError));
        Assert.That(result.Json().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("usage_error"));
    }

    [Test]
    public async Task BotsCreate_WithInvalidDomain_IsAUsageErrorNamingTheField()
    {
        var result = await RunCliAsync("bots", "create", "--name", "x", "--allowed-domain", "https://nope.test", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(AdminCli.UsageError));
        var error = result.Json().GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("validation_failed"));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("allowed_domains"));
    }

    [Test]
    public async Task BotsList_ShowsCounts()
    {
        var bot = await CreateBotAsync("Listed");

        var json = (await RunCliAsync("bots", "list", "--json")).Json();

        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("public_id").GetString() == bot.PublicId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
                { "id", "public_id", "name", "status", "created_at", "document_count", "session_count", "open_ticket_count" }));
            Assert.That(item.GetProperty("name").GetString(), Is.EqualTo("Listed"));
            Assert.That(item.GetProperty("document_count").GetInt32(), Is.Zero);
        }
    }

    [Test]
    public async Task BotsDisableAndEnable_ReportTheNewStatus()
    {
        var bot = await CreateBotAsync();

        var disabled = (await RunCliAsync("bots", "disable", bot.PublicId, "--json")).Json();
        var enabled = (await RunCliAsync("bots", "enable", bot.PublicId, "--json")).Json();

        Assert.That(disabled.ToString(), Is.EqualTo($$"""{"public_id":"{{bot.PublicId}}","status":"disabled"}"""));
        Assert.That(enabled.ToString(), Is.EqualTo($$"""{"public_id":"{{bot.PublicId}}","status":"active"}"""));
    }

    [TestCase("bots", "disable", "ch_doesnotexist0000")]
    [TestCase("keys", "list", "--bot", "ch_doesnotexist0000")]
    [TestCase("identity-secret", "rotate", "--bot", "ch_doesnotexist0000")]
    public async Task UnknownBot_ExitsWith3AndAnErrorObject(params string[] args)
    {
        var result = await RunCliAsync([.. args, "--json"]);

        Assert.That(result.ExitCode, Is.EqualTo(AdminCli.NotFound));
        Assert.That(result.Json().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bot_not_found"));
    }

    [Test]
    public async Task KeysCreateAndList_NeverListPlaintext()
    {
        var bot = await CreateBotAsync();

        var created = (await RunCliAsync("keys", "create", "--bot", bot.PublicId, "--json")).Json();
        var listResult = await RunCliAsync("keys", "list", "--bot", bot.PublicId, "--json");
        var list = listResult.Json();

        var plaintext = created.GetProperty("api_key").GetString()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.GetProperty("bot_public_id").GetString(), Is.EqualTo(bot.PublicId));
            Assert.That(created.GetProperty("last4").GetString(), Is.EqualTo(plaintext[^4..]));
            Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(listResult.Stdout, Does.Not.Contain(plaintext).And.Not.Contain(bot.ApiKey));
            Assert.That(list.GetProperty("items")[0].EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(new[] { "id", "last4", "status", "created_at", "last_used_at", "expires_at", "revoked_at" }));
        }
    }

    [Test]
    public async Task KeysRevoke_RefusesTheLastUsableKey_UnlessForced()
    {
        var bot = await CreateBotAsync();

        var refused = await RunCliAsync("keys", "revoke", bot.ApiKeyId.ToString(), "--json");
        using var client = ClientWithKey(bot.ApiKey);
        var stillWorks = await client.GetAsync("/bot");
        var forced = await RunCliAsync("keys", "revoke", bot.ApiKeyId.ToString(), "--force", "--json");
        var afterForce = await client.GetAsync("/bot");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.ExitCode, Is.EqualTo(AdminCli.Failed));
            Assert.That(refused.Json().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("last_key"));
            Assert.That(stillWorks.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(forced.ExitCode, Is.EqualTo(AdminCli.Ok));
            Assert.That(forced.Json().GetProperty("status").GetString(), Is.EqualTo("revoked"));
            Assert.That(forced.Json().GetProperty("revoked_at").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(afterForce.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task KeysRevoke_UnknownKey_Exits3()
    {
        var result = await RunCliAsync("keys", "revoke", Guid.NewGuid().ToString(), "--json");

        Assert.That(result.ExitCode, Is.EqualTo(AdminCli.NotFound));
        Assert.That(result.Json().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("key_not_found"));
    }

    [Test]
    public async Task KeysRevoke_WithANonUuidId_IsAUsageError()
    {
        var result = await RunCliAsync("keys", "revoke", "not-a-uuid", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(AdminCli.UsageError));
    }

    [Test]
    public async Task KeysRotate_WithSeveralActiveKeys_RequiresKey()
    {
        var bot = await CreateBotAsync();
        await RunCliAsync("keys", "create", "--bot", bot.PublicId, "--json");

        var ambiguous = await RunCliAsync("keys", "rotate", "--bot", bot.PublicId, "--json");
        var named = await RunCliAsync("keys", "rotate", "--bot", bot.PublicId, "--key", bot.ApiKeyId.ToString(), "--json");

        Assert.That(ambiguous.ExitCode, Is.EqualTo(AdminCli.UsageError));
        Assert.That(named.ExitCode, Is.EqualTo(AdminCli.Ok), named.Stdout);
        var json = named.Json();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("old_key").GetProperty("id").GetString(), Is.EqualTo(bot.ApiKeyId.ToString()));
            Assert.That(json.GetProperty("old_key").GetProperty("status").GetString(), Is.EqualTo("revoking"));
            var expires = json.GetProperty("old_key").GetProperty("expires_at").GetDateTimeOffset();
            Assert.That(expires, Is.EqualTo(DateTimeOffset.UtcNow.AddHours(24)).Within(TimeSpan.FromMinutes(2)));
            Assert.That(json.GetProperty("new_key").GetProperty("api_key").GetString(), Does.StartWith("ck_"));
        }
    }

    [Test]
    public async Task IdentitySecretRotate_FirstCreatesThenKeepsThePreviousForAnHour()
    {
        var bot = await CreateBotAsync();

        var first = (await RunCliAsync("identity-secret", "rotate", "--bot", bot.PublicId, "--json")).Json();
        var second = (await RunCliAsync("identity-secret", "rotate", "--bot", bot.PublicId, "--json")).Json();
        using var client = ClientWithKey(bot.ApiKey);
        var settings = await ReadJsonAsync(await client.GetAsync("/bot"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.GetProperty("bot_public_id").GetString(), Is.EqualTo(bot.PublicId));
            Assert.That(first.GetProperty("identity_secret").GetString(), Does.Match("^[0-9a-f]{64}$"));
            Assert.That(first.GetProperty("previous_valid_until").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(second.GetProperty("identity_secret").GetString(), Is.Not.EqualTo(first.GetProperty("identity_secret").GetString()));
            Assert.That(second.GetProperty("previous_valid_until").GetDateTimeOffset(),
                Is.EqualTo(DateTimeOffset.UtcNow.AddHours(1)).Within(TimeSpan.FromMinutes(2)));
            Assert.That(settings.GetProperty("identity").GetProperty("secret_configured").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task WebhookSecretRotate_KeepsThePreviousFor24Hours()
    {
        var bot = await CreateBotAsync();

        var rotated = (await RunCliAsync("webhook-secret", "rotate", "--bot", bot.PublicId, "--json")).Json();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rotated.GetProperty("webhook_secret").GetString(), Does.Match("^[0-9a-f]{64}$"));
            Assert.That(rotated.GetProperty("webhook_secret").GetString(), Is.Not.EqualTo(bot.WebhookSecret));
            Assert.That(rotated.GetProperty("previous_valid_until").GetDateTimeOffset(),
                Is.EqualTo(DateTimeOffset.UtcNow.AddHours(24)).Within(TimeSpan.FromMinutes(2)));
        }
    }

    [Test]
    public async Task DbMigrate_ReportsTheProviderAndNothingPendingOnACurrentDatabase()
    {
        var json = (await RunCliAsync("db", "migrate", "--json")).Json();

        Assert.That(json.GetProperty("provider").GetString(), Is.EqualTo(DatabaseKind.ToString()));
        Assert.That(json.GetProperty("applied").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task DemoSeed_CreatesOnce_ShowsTheKeyOnce_AndResetRecreates()
    {
        var first = (await RunCliAsync("demo", "seed", "--json")).Json();
        var again = (await RunCliAsync("demo", "seed", "--json")).Json();
        var reset = (await RunCliAsync("demo", "seed", "--reset", "--json")).Json();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.GetProperty("created").GetBoolean(), Is.True);
            Assert.That(first.GetProperty("api_key").GetString(), Does.StartWith("ck_"));
            Assert.That(first.GetProperty("demo_url").GetString(), Does.StartWith("http"));
            Assert.That(again.GetProperty("created").GetBoolean(), Is.False);
            Assert.That(again.GetProperty("api_key").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(again.GetProperty("public_id").GetString(), Is.EqualTo(first.GetProperty("public_id").GetString()));
            Assert.That(reset.GetProperty("created").GetBoolean(), Is.True);
            Assert.That(reset.GetProperty("public_id").GetString(), Is.Not.EqualTo(first.GetProperty("public_id").GetString()));
        }

        using var oldKey = ClientWithKey(first.GetProperty("api_key").GetString()!);
        Assert.That((await oldKey.GetAsync("/bot")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the reset deleted the old bot and its keys");
        using var newKey = ClientWithKey(reset.GetProperty("api_key").GetString()!);
        var demo = await ReadJsonAsync(await newKey.GetAsync("/bot"));
        Assert.That(demo.GetProperty("name").GetString(), Is.EqualTo("Chat9 Demo"));
    }

    [Test]
    public async Task WithoutJson_PrintsReadableTextAndNoJson()
    {
        var result = await RunCliAsync("bots", "create", "--name", "Readable");

        Assert.That(result.ExitCode, Is.EqualTo(AdminCli.Ok));
        Assert.That(result.Stdout, Does.Contain("public_id: ch_").And.Contain("api_key: ck_"));
        Assert.That(result.Stdout.TrimStart(), Does.Not.StartWith("{"));
    }
}
