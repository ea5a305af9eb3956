using System.Net;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.RateLimiting;

/// <summary>The management API's limits per key (and per bot for uploads), answered with the contract's 429.</summary>
public sealed class ManagementRateLimitTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:ManagementPerKeyPerMinute"] = "3",
        ["RateLimits:ChatPerKeyPerMinute"] = "2",
        ["RateLimits:UploadsPerBotPerHour"] = "2",
    };

    [Test]
    public async Task TheFourthCallInAMinute_Is429WithRetryAfter_AndOtherKeysAreUnaffected()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);
        using var other = ClientWithKey((await CreateBotAsync()).ApiKey);

        for (var i = 0; i < 3; i++)
        {
            Assert.That((await client.GetAsync("/bot")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var limited = await client.GetAsync("/bot");
        var otherKey = await other.GetAsync("/bot");

        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        var seconds = problem.GetProperty("retry_after_seconds").GetInt32();
        Assert.That(seconds, Is.InRange(1, 60));
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.EqualTo(seconds));
        Assert.That(otherKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ChatDebug_HasItsOwnSmallerLimit()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        await client.DebugAsync("first");
        await client.DebugAsync("second");
        var third = await client.PostAsync("/chat/debug", Json("""{"question":"third"}"""));

        await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Test]
    public async Task Uploads_AreLimitedPerBotPerHour()
    {
        var bot = await CreateBotAsync();
        using var client = ClientWithKey(bot.ApiKey);

        await client.UploadOkAsync("a.txt", TestFiles.Utf8("first upload of the hour"));
        await client.UploadOkAsync("b.txt", TestFiles.Utf8("second upload of the hour"));
        var third = await client.UploadAsync("c.txt", TestFiles.Utf8("third upload of the hour"));

        var problem = await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(problem.GetProperty("retry_after_seconds").GetInt32(), Is.InRange(3500, 3600));
    }
}
