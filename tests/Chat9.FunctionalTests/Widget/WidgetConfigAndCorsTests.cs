using System.Net;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Widget;

/// <summary><c>GET /widget/config</c> and the CORS rules of widget-api.md.</summary>
public sealed class WidgetConfigAndCorsTests(DatabaseKind databaseKind) : WidgetFixtureBase(databaseKind)
{
    [Test]
    public async Task Config_carries_every_member_the_widget_needs()
    {
        var bot = await CreateBotAsync("Acme Assistant", "acme.test", "*.acme.test");

        var response = await ConfigAsync(bot.PublicId);
        var config = await ReadJsonAsync(response);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), config.ToString());
        Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=60"));
        Assert.That(config.GetProperty("bot_name").GetString(), Is.EqualTo("Acme Assistant"));
        Assert.That(config.GetProperty("greeting").GetString(), Is.EqualTo("Hi! I'm the Acme Assistant assistant. Ask me anything about Acme Assistant."));
        Assert.That(config.GetProperty("accent_color").GetString(), Is.EqualTo("#6d28d9"));
        Assert.That(config.GetProperty("link_safety_enabled").GetBoolean(), Is.True);
        Assert.That(config.GetProperty("allowed_domains").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "acme.test", "*.acme.test" }));
        var labels = config.GetProperty("link_safety_labels");
        Assert.That(labels.GetProperty("title").GetString(), Is.EqualTo("Open external link?"));
        Assert.That(labels.GetProperty("body").GetString(), Is.EqualTo("You are going to {hostname}. Continue?"));
        Assert.That(labels.GetProperty("continue_label").GetString(), Is.EqualTo("Open"));
        Assert.That(labels.GetProperty("cancel_label").GetString(), Is.EqualTo("Cancel"));
        Assert.That(config.GetProperty("escalation_enabled").GetBoolean(), Is.True);
        Assert.That(config.GetProperty("max_message_chars").GetInt32(), Is.EqualTo(1000));
        Assert.That(config.GetProperty("session_ttl_hours").GetInt32(), Is.EqualTo(24));
    }

    [Test]
    public async Task Config_labels_and_greeting_follow_the_locale_and_an_invalid_locale_is_ignored()
    {
        var bot = await CreateBotAsync("Locale bot");

        var german = await ReadJsonAsync(await ConfigAsync(bot.PublicId, "de-AT"));
        var invalid = await ConfigAsync(bot.PublicId, "%%%");

        Assert.That(german.GetProperty("greeting").GetString(), Does.StartWith("Hallo!"));
        Assert.That(german.GetProperty("link_safety_labels").GetProperty("body").GetString(), Does.Contain("{hostname}").And.Not.StartWith("You are"));
        Assert.That((int)invalid.StatusCode, Is.EqualTo(200));
        Assert.That((await ReadJsonAsync(invalid)).GetProperty("greeting").GetString(), Does.StartWith("Hi!"));
    }

    [Test]
    public async Task Config_errors_follow_the_contract()
    {
        await ProblemAssert.IsValidationFailureAsync(await Client.GetAsync("/widget/config"), "bot_id");
        await ProblemAssert.IsProblemAsync(await ConfigAsync("ch_nobody"), HttpStatusCode.NotFound, "bot_not_found");
        var guarded = await CreateBotAsync("Guarded config bot", "acme.test");
        await ProblemAssert.IsProblemAsync(await ConfigAsync(guarded.PublicId, origin: "https://acme.test.evil.example"), HttpStatusCode.Forbidden, "origin_not_allowed");
    }

    [Test]
    public async Task A_preflight_always_succeeds_without_knowing_the_bot()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/widget/chat?bot_id=ch_whatever");
        request.Headers.Add("Origin", "https://anything.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("https://anything.example"));
        Assert.That(Header(response, "Access-Control-Allow-Methods"), Is.EqualTo("GET, POST, OPTIONS"));
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Is.EqualTo("Content-Type, Accept, Accept-Language"));
        Assert.That(Header(response, "Access-Control-Max-Age"), Is.EqualTo("600"));
    }

    [TestCase("https://acme.test", true)]
    [TestCase("https://ACME.test:8443", true)]
    [TestCase("https://help.acme.test", true)]
    [TestCase("https://a.b.acme.test", true)]
    [TestCase("https://notacme.test", false)]
    [TestCase("https://acme.test.evil.example", false)]
    [TestCase("null", false)]
    [TestCase("not a url", false)]
    public async Task Actual_requests_answer_only_allowed_origins(string origin, bool allowed)
    {
        var bot = await SharedGuardedBotAsync();

        var response = await ConfigAsync(bot, origin: origin);

        if (allowed)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(origin));
            Assert.That(Header(response, "Access-Control-Expose-Headers"), Is.EqualTo("Retry-After"));
            Assert.That(response.Headers.Vary, Does.Contain("Origin"));
        }
        else
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "origin_not_allowed");
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "a refused origin gets no CORS headers");
        }
    }

    [Test]
    public async Task The_apex_is_not_a_subdomain_and_an_empty_list_allows_any_origin_even_null()
    {
        var wildcardOnly = await CreateBotAsync("Wildcard bot", "*.shop.example");
        var open = await CreateBotAsync("Open bot");

        await ProblemAssert.IsProblemAsync(await ConfigAsync(wildcardOnly.PublicId, origin: "https://shop.example"), HttpStatusCode.Forbidden, "origin_not_allowed");
        Assert.That((int)(await ConfigAsync(wildcardOnly.PublicId, origin: "https://eu.shop.example")).StatusCode, Is.EqualTo(200));
        var nullOrigin = await ConfigAsync(open.PublicId, origin: "null");
        Assert.That((int)nullOrigin.StatusCode, Is.EqualTo(200));
        Assert.That(Header(nullOrigin, "Access-Control-Allow-Origin"), Is.EqualTo("null"));
    }

    [Test]
    public async Task Requests_without_an_origin_are_not_checked_and_get_no_cors_headers()
    {
        var bot = await SharedGuardedBotAsync();

        var response = await ConfigAsync(bot);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Errors_before_the_origin_check_are_readable_by_the_browser()
    {
        var response = await ConfigAsync("ch_nobody", origin: "https://acme.test");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "bot_not_found");
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("https://acme.test"));
    }

    [Test]
    public async Task Management_endpoints_send_no_cors_headers()
    {
        var bot = await CreateBotAsync("Management CORS bot");
        using var management = ClientWithKey(bot.ApiKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bot");
        request.Headers.Add("Origin", "https://acme.test");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/bot");
        preflight.Headers.Add("Origin", "https://acme.test");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await management.SendAsync(request);
        var preflightResponse = await management.SendAsync(preflight);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        Assert.That(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        Assert.That(preflightResponse.StatusCode, Is.Not.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task The_stream_of_an_allowed_origin_carries_the_cors_headers()
    {
        var bot = await SharedGuardedBotAsync();

        var (response, stream) = await WidgetChatAsync(bot, string.Empty, null, ("Origin", "https://help.acme.test"));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Body);
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("https://help.acme.test"));
        Assert.That(stream!.Done.GetProperty("session_id").GetString(), Is.Not.Empty);
    }

    private string? _guardedBot;

    /// <summary>One bot for the origin cases: <c>acme.test</c> and <c>*.acme.test</c>.</summary>
    private async Task<string> SharedGuardedBotAsync() =>
        _guardedBot ??= (await CreateBotAsync("CORS bot", "acme.test", "*.acme.test")).PublicId;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues) : null;
}
