using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.RateLimiting;

/// <summary>
/// The widget's limits (widget-api.md "Client IP and rate limits") with no trusted proxy: every request comes from the
/// loopback peer, and whatever <c>X-Forwarded-For</c> a visitor sends is ignored.
/// </summary>
public sealed class WidgetRateLimitTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:WidgetSessionInitPerIpPerMinute"] = "3",
        ["RateLimits:WidgetChatPerIpPerMinute"] = "3",
        ["RateLimits:WidgetChatPerBotPerMinute"] = "100",
        ["RateLimits:WidgetHistoryPerIpPerMinute"] = "2",
        ["RateLimits:WidgetEscalatePerIpPerMinute"] = "2",
        ["RateLimits:WidgetConfigPerIpPerMinute"] = "2",
    };

    [Test]
    public async Task A_spoofed_forwarded_for_does_not_change_the_bucket_and_rejected_requests_count()
    {
        var bot = await CreateBotAsync("Init limit bot", "acme.test");

        var statuses = new List<int>
        {
            (int)(await WidgetRequests.InitAsync(Client, "ch_unknown", forwardedFor: "198.51.100.1")).StatusCode,
            (int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "198.51.100.2")).StatusCode,
            (int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "198.51.100.3")).StatusCode,
        };
        var limited = await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "198.51.100.4", origin: "https://acme.test");

        Assert.That(statuses, Is.EqualTo(new[] { 404, 200, 200 }));
        await WidgetRequests.AssertRateLimitedAsync(limited);
        Assert.That(limited.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://acme.test"), "the widget can read its 429");
        Assert.That(limited.Headers.GetValues("Access-Control-Expose-Headers").Single(), Is.EqualTo("Retry-After"));
    }

    [Test]
    public async Task Widget_chat_is_limited_per_ip_and_bot()
    {
        var first = await CreateBotAsync("Chat limit bot A");
        var second = await CreateBotAsync("Chat limit bot B");

        for (var i = 0; i < 3; i++)
        {
            Assert.That((int)(await WidgetRequests.GreetingAsync(Client, first.PublicId)).StatusCode, Is.EqualTo(200));
        }

        await WidgetRequests.AssertRateLimitedAsync(await WidgetRequests.GreetingAsync(Client, first.PublicId));
        Assert.That((int)(await WidgetRequests.GreetingAsync(Client, second.PublicId)).StatusCode, Is.EqualTo(200), "another bot is another bucket");
    }

    [Test]
    public async Task History_escalate_and_config_have_their_own_limits()
    {
        var bot = await CreateBotAsync("Other limits bot");
        var other = await CreateBotAsync("Other limits bot 2");
        var session = Guid.NewGuid();

        for (var i = 0; i < 2; i++)
        {
            Assert.That((int)(await Client.GetAsync($"/widget/history?bot_id={bot.PublicId}&session_id={session}")).StatusCode, Is.EqualTo(409));
            Assert.That((int)(await Client.PostAsync($"/widget/escalate?bot_id={bot.PublicId}&session_id={session}", null)).StatusCode, Is.EqualTo(409));
            Assert.That((int)(await Client.GetAsync($"/widget/config?bot_id={bot.PublicId}")).StatusCode, Is.EqualTo(200));
        }

        await WidgetRequests.AssertRateLimitedAsync(await Client.GetAsync($"/widget/history?bot_id={bot.PublicId}&session_id={session}"));
        await WidgetRequests.AssertRateLimitedAsync(await Client.PostAsync($"/widget/escalate?bot_id={bot.PublicId}&session_id={session}", null));
        await WidgetRequests.AssertRateLimitedAsync(await Client.GetAsync($"/widget/config?bot_id={bot.PublicId}"));
        Assert.That((int)(await Client.GetAsync($"/widget/config?bot_id={other.PublicId}")).StatusCode, Is.EqualTo(200), "config is per IP and bot");
        await WidgetRequests.AssertRateLimitedAsync(await Client.GetAsync($"/widget/history?bot_id={other.PublicId}&session_id={session}"), "history is per IP only");
    }

    [Test]
    public async Task The_script_has_no_rate_limit()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.That((int)(await Client.GetAsync("/widget.js")).StatusCode, Is.EqualTo(200));
        }
    }
}

/// <summary>
/// The same limits behind a trusted proxy (<c>Network:TrustedProxies</c>): the client is the right-most
/// <c>X-Forwarded-For</c> address that is not itself a trusted proxy.
/// </summary>
public sealed class TrustedProxyRateLimitTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Network:TrustedProxies:0"] = "127.0.0.1",
        ["Network:TrustedProxies:1"] = "10.0.0.0/8",
        ["RateLimits:WidgetSessionInitPerIpPerMinute"] = "2",
        ["RateLimits:WidgetChatPerIpPerMinute"] = "2",
        ["RateLimits:WidgetChatPerBotPerMinute"] = "3",
    };

    [Test]
    public async Task A_trusted_proxys_forwarded_for_picks_the_bucket()
    {
        var bot = await CreateBotAsync("Proxy bot");

        for (var i = 0; i < 2; i++)
        {
            Assert.That((int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "203.0.113.1")).StatusCode, Is.EqualTo(200));
        }

        await WidgetRequests.AssertRateLimitedAsync(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "203.0.113.1"));
        Assert.That((int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "203.0.113.2")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task The_right_most_untrusted_address_wins_so_addresses_a_visitor_prepends_do_not_matter()
    {
        var bot = await CreateBotAsync("Chain bot");

        // The visitor sends its own X-Forwarded-For (left); the edge proxy appends the real peer; an inner proxy in 10/8 appends the edge.
        Assert.That((int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "1.1.1.1, 198.51.100.7, 10.1.2.3")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "8.8.8.8, 198.51.100.7, 10.9.9.9")).StatusCode, Is.EqualTo(200));

        await WidgetRequests.AssertRateLimitedAsync(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "9.9.9.9, 198.51.100.7"));
    }

    [Test]
    public async Task IPv6_clients_share_a_bucket_per_64_prefix()
    {
        var bot = await CreateBotAsync("IPv6 bot");

        Assert.That((int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "2001:db8:1:2::1")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "2001:db8:1:2:ffff:ffff:ffff:9")).StatusCode, Is.EqualTo(200));

        await WidgetRequests.AssertRateLimitedAsync(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "2001:db8:1:2::77"));
        Assert.That((int)(await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: "2001:db8:1:3::1")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Widget_chat_also_has_a_budget_per_bot_that_refused_requests_do_not_use_up()
    {
        var bot = await CreateBotAsync("Busy bot");

        var fromFirst = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            fromFirst.Add((int)(await WidgetRequests.GreetingAsync(Client, bot.PublicId, forwardedFor: "192.0.2.1")).StatusCode);
        }

        var fromSecond = (int)(await WidgetRequests.GreetingAsync(Client, bot.PublicId, forwardedFor: "192.0.2.2")).StatusCode;
        var fromThird = await WidgetRequests.GreetingAsync(Client, bot.PublicId, forwardedFor: "192.0.2.3");

        Assert.That(fromFirst, Is.EqualTo(new[] { 200, 200, 429 }), "2 per IP and bot");
        Assert.That(fromSecond, Is.EqualTo(200), "the first IP's refused request did not use the bot's budget");
        await WidgetRequests.AssertRateLimitedAsync(fromThird, "3 per bot across all IPs");
    }
}

/// <summary>Widget calls for the rate-limit fixtures, with the headers a browser or proxy would add.</summary>
internal static class WidgetRequests
{
    public static Task<HttpResponseMessage> InitAsync(HttpClient client, string botId, string? forwardedFor = null, string? origin = null) =>
        SendAsync(client, HttpMethod.Post, "/widget/session/init", JsonSerializer.Serialize(new { bot_id = botId }), forwardedFor, origin);

    public static Task<HttpResponseMessage> GreetingAsync(HttpClient client, string botId, string? forwardedFor = null) =>
        SendAsync(client, HttpMethod.Post, $"/widget/chat?bot_id={botId}", """{"message":""}""", forwardedFor, null);

    public static async Task AssertRateLimitedAsync(HttpResponseMessage response, string? because = null)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        var seconds = problem.GetProperty("retry_after_seconds").GetInt32();
        Assert.That(seconds, Is.InRange(1, 60), because);
        Assert.That(response.Headers.RetryAfter?.Delta?.TotalSeconds, Is.EqualTo(seconds), because);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, string? forwardedFor, string? origin)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response;
    }
}
