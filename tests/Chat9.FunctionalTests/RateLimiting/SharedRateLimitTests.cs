using System.Net;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.RateLimiting;

/// <summary>
/// <c>RateLimits:Store=redis</c>: two server instances on one database and one Redis enforce each limit together,
/// as several instances behind a load balancer must (docs/widget.md, "Several instances").
/// </summary>
[NonParallelizable]
public sealed class SharedRateLimitTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    private RedisServer? _redis;
    private Chat9WebApiFactory? _secondInstance;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Store"] = "redis",
        ["RateLimits:RedisConnectionString"] = _redis!.ConnectionString + ",connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
        ["RateLimits:WidgetSessionInitPerIpPerMinute"] = "3",
        ["RateLimits:WidgetChatPerIpPerMinute"] = "2",
        ["RateLimits:WidgetChatPerBotPerMinute"] = "100",
    };

    protected override async Task BeforeServerStartsAsync()
    {
        var executable = RedisServer.Find();
        if (executable is null)
        {
            Assert.Ignore(RedisServer.MissingReason);
        }

        _redis = await RedisServer.StartAsync(executable);
    }

    [OneTimeTearDown]
    public async Task StopRedisAsync()
    {
        if (_secondInstance is not null)
        {
            await _secondInstance.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    /// <summary>A second server process-alike on the same database and Redis.</summary>
    private HttpClient SecondInstance()
    {
        if (_secondInstance is null)
        {
            _secondInstance = new Chat9WebApiFactory(ServerConfiguration);
            _secondInstance.StartServer();
        }

        return _secondInstance.CreateClient();
    }

    [Test]
    [Order(1)]
    public async Task Two_instances_count_one_limit_together()
    {
        var bot = await CreateBotAsync("Shared limit bot");
        using var second = SecondInstance();

        var statuses = new[]
        {
            (int)(await WidgetRequests.InitAsync(Client, bot.PublicId)).StatusCode,
            (int)(await WidgetRequests.InitAsync(second, bot.PublicId)).StatusCode,
            (int)(await WidgetRequests.InitAsync(Client, bot.PublicId)).StatusCode,
        };
        var overOnSecond = await WidgetRequests.InitAsync(second, bot.PublicId);
        var overOnFirst = await WidgetRequests.InitAsync(Client, bot.PublicId);

        Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 200 }));
        await WidgetRequests.AssertRateLimitedAsync(overOnSecond, "the fourth request in the window, whichever instance gets it");
        await WidgetRequests.AssertRateLimitedAsync(overOnFirst);
    }

    [Test]
    [Order(2)]
    public async Task The_chained_widget_chat_limit_is_shared_too()
    {
        var bot = await CreateBotAsync("Shared chat bot");
        using var second = SecondInstance();

        Assert.That((int)(await WidgetRequests.GreetingAsync(Client, bot.PublicId)).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await WidgetRequests.GreetingAsync(second, bot.PublicId)).StatusCode, Is.EqualTo(200));

        await WidgetRequests.AssertRateLimitedAsync(await WidgetRequests.GreetingAsync(Client, bot.PublicId));
    }

    [Test]
    [Order(3)]
    public async Task Without_redis_requests_are_let_through_and_a_warning_is_logged()
    {
        var bot = await CreateBotAsync("Redis down bot");
        await _redis!.StopAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await WidgetRequests.InitAsync(Client, bot.PublicId, forwardedFor: null)).StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK), "limits fail open: a store outage must not take the widget down");
        Assert.That(Factory.Logs.Entries.Any(e => e.Message.Contains("Rate-limit store unreachable")), Is.True);
    }
}
