using System.Net;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Sources;

/// <summary>A crawl of a site served by the test on loopback (loopback explicitly allowed for this fixture).</summary>
public sealed class UrlSourceTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    private const string Html = "text/html; charset=utf-8";
    private TestSite _site = null!;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Network:AllowLoopback"] = "true",
        ["Ingestion:LeaseSeconds"] = "5",
    };

    [OneTimeSetUp]
    public async Task StartSiteAsync() => _site = await TestSite.StartAsync(new Dictionary<string, (string, string)>
    {
        ["/robots.txt"] = ("text/plain", "User-agent: *\nDisallow: /private\n"),
        ["/"] = (Html, TestSite.Html("Notewell Docs", "<h1>Notewell help</h1><p>Start here.</p><a href=\"/docs/export\">Export</a> <a href=\"/docs/sync\">Sync</a> <a href=\"/blog/launch\">Blog</a> <a href=\"/private\">Private</a>")),
        ["/docs/export"] = (Html, TestSite.Html("Exporting notes", "<h1>Exporting notes</h1><p>Open Settings then Export and choose PDF to download your notebooks.</p><a href=\"/docs/sync\">Sync</a>")),
        ["/docs/sync"] = (Html, TestSite.Html("Sync", "<h1>Sync</h1><p>Notes synchronise across devices within seconds when you are online.</p>")),
        ["/blog/launch"] = (Html, TestSite.Html("Launch", "<h1>We launched</h1><p>Blog posts are excluded from the bot.</p>")),
        ["/private"] = (Html, TestSite.Html("Private", "<h1>Internal</h1><p>Robots.txt forbids this page.</p>")),
    });

    [OneTimeTearDown]
    public async Task StopSiteAsync() => await _site.DisposeAsync();

    [Test]
    public async Task ACrawl_IndexesTheRightPages_AndAnswersCiteThem()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var created = await client.PostAsync("/documents/sources/url", Json($$"""{"url":"{{_site.BaseUri}}","exclusions":["/blog/**"],"schedule":"manual"}"""));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var source = await ReadJsonAsync(created);
        var id = source.GetProperty("id").GetGuid();
        var detail = await WaitForCrawlAsync(client, id);
        var pages = detail.GetProperty("pages").EnumerateArray().Select(p => new Uri(p.GetProperty("url").GetString()!).AbsolutePath).ToList();
        foreach (var page in detail.GetProperty("pages").EnumerateArray())
        {
            await client.WaitUntilProcessedAsync(page.GetProperty("document_id").GetGuid());
        }

        var hit = (await client.DebugAsync("how do I download my notebooks as pdf")).GetProperty("retrieval").GetProperty("chunks")[0];
        var run = detail.GetProperty("recent_runs")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(source.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(source.GetProperty("host").GetString(), Is.EqualTo($"127.0.0.1:{_site.BaseUri.Port}"));
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("ready"), detail.ToString());
            Assert.That(pages, Is.EquivalentTo(new[] { "/", "/docs/export", "/docs/sync" }), "blog excluded by glob, /private by robots.txt");
            Assert.That(detail.GetProperty("page_count").GetInt32(), Is.EqualTo(3));
            Assert.That(run.GetProperty("trigger").GetString(), Is.EqualTo("initial"));
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
            Assert.That(run.GetProperty("pages_indexed").GetInt32(), Is.EqualTo(3));
            Assert.That(hit.GetProperty("source_url").GetString(), Is.EqualTo(new Uri(_site.BaseUri, "/docs/export").AbsoluteUri));
            Assert.That(hit.GetProperty("filename").GetString(), Is.EqualTo("Exporting notes"));
        }

        var webPages = await ReadJsonAsync(await client.GetAsync("/documents?origin=crawl&file_type=web_page"));
        Assert.That(webPages.GetProperty("total").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task RemovedPages_StayRemoved_AndExclusionsRemovePagesAtOnce()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);
        var id = (await ReadJsonAsync(await client.PostAsync("/documents/sources/url", Json($$"""{"url":"{{_site.BaseUri}}","schedule":"manual"}""")))).GetProperty("id").GetGuid();
        var detail = await WaitForCrawlAsync(client, id);
        var sync = detail.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("url").GetString()!.EndsWith("/docs/sync", StringComparison.Ordinal));

        var removed = await client.DeleteAsync($"/documents/sources/{id}/pages/{sync.GetProperty("document_id").GetGuid()}");
        var patched = await client.PatchAsync($"/documents/sources/{id}", Json("""{"exclusions":["/blog/**"]}"""));
        var after = await ReadJsonAsync(await client.GetAsync($"/documents/sources/{id}"));
        var remaining = after.GetProperty("pages").EnumerateArray().Select(p => new Uri(p.GetProperty("url").GetString()!).AbsolutePath).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());
            Assert.That(after.GetProperty("excluded_pages").EnumerateArray().Select(u => u.GetString()), Does.Contain(sync.GetProperty("url").GetString()));
            Assert.That(remaining, Is.EquivalentTo(new[] { "/", "/docs/export" }), "the removed page and the now-excluded blog are gone");
        }
    }

    [Test]
    public async Task Refresh_IsRefusedWhileQueuedAndWithinTheCooldown()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);
        var id = (await ReadJsonAsync(await client.PostAsync("/documents/sources/url", Json($$"""{"url":"{{_site.BaseUri}}","schedule":"manual"}""")))).GetProperty("id").GetGuid();
        var whileQueued = await client.PostAsync($"/documents/sources/{id}/refresh", null);
        await WaitForCrawlAsync(client, id);

        var first = await client.PostAsync($"/documents/sources/{id}/refresh", null);
        var firstBody = await ReadJsonAsync(first);
        await WaitForCrawlAsync(client, id);
        var second = await client.PostAsync($"/documents/sources/{id}/refresh", null);

        await ProblemAssert.IsProblemAsync(whileQueued, HttpStatusCode.Conflict, "crawl_in_progress");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var runs = (await ReadJsonAsync(await client.GetAsync($"/documents/sources/{id}"))).GetProperty("recent_runs");
        Assert.That(runs[0].GetProperty("id").GetGuid(), Is.EqualTo(firstBody.GetProperty("run_id").GetGuid()));
        Assert.That(runs[0].GetProperty("trigger").GetString(), Is.EqualTo("manual"));
        Assert.That(runs[0].GetProperty("pages_unchanged").GetInt32(), Is.EqualTo(4), "a re-crawl skips unchanged pages (/, export, sync, blog)");
        var cooldown = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.TooManyRequests, "refresh_cooldown");
        Assert.That(cooldown.GetProperty("retry_after_seconds").GetInt32(), Is.InRange(3500, 3600));
        Assert.That(second.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(3500, 3600));
    }

    [Test]
    public async Task SameHostTwice_Is409WithTheExistingSource()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);
        var first = await ReadJsonAsync(await client.PostAsync("/documents/sources/url", Json($$"""{"url":"{{_site.BaseUri}}","schedule":"manual"}""")));

        var second = await client.PostAsync("/documents/sources/url", Json($$"""{"url":"{{new Uri(_site.BaseUri, "/docs/export")}}"}"""));

        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "source_exists");
        Assert.That(problem.GetProperty("existing_source_id").GetGuid(), Is.EqualTo(first.GetProperty("id").GetGuid()));
    }

    [TestCase("ftp://docs.example.test/")]
    [TestCase("http://user:secret@docs.example.test/")]
    [TestCase("not a url")]
    [TestCase("javascript:alert(1)")]
    public async Task MalformedUrls_Are422InvalidUrl(string url)
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var response = await client.PostAsync("/documents/sources/url", Json(JsonSerializer.Serialize(new { url })));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "invalid_url");
    }

    [Test]
    public async Task DeletingTheSource_RemovesItsPages()
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);
        var id = (await ReadJsonAsync(await client.PostAsync("/documents/sources/url", Json($$"""{"url":"{{_site.BaseUri}}","schedule":"manual"}""")))).GetProperty("id").GetGuid();
        await WaitForCrawlAsync(client, id);

        var deleted = await client.DeleteAsync($"/documents/sources/{id}");
        var pages = await ReadJsonAsync(await client.GetAsync("/documents?origin=crawl"));

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(pages.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That((await client.GetAsync($"/documents/sources/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<JsonElement> WaitForCrawlAsync(HttpClient client, Guid sourceId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var detail = await ReadJsonAsync(await client.GetAsync($"/documents/sources/{sourceId}"));
            if (detail.GetProperty("status").GetString() is "ready" or "error")
            {
                return detail;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), detail.ToString());
            await Task.Delay(100);
        }
    }
}

/// <summary>Without <c>Network:AllowLoopback</c>, internal addresses are refused before anything is fetched.</summary>
public sealed class UrlSourceSsrfTests(DatabaseKind databaseKind) : FunctionalTestBase(databaseKind)
{
    [TestCase("http://127.0.0.1:9/")]
    [TestCase("http://localhost/")]
    [TestCase("http://169.254.169.254/latest/meta-data/")]
    [TestCase("http://10.1.2.3/")]
    [TestCase("http://[::1]/")]
    [TestCase("http://[::ffff:192.168.0.1]/")]
    public async Task InternalAddresses_Are422UrlNotAllowed(string url)
    {
        using var client = ClientWithKey((await CreateBotAsync()).ApiKey);

        var response = await client.PostAsync("/documents/sources/url", Json(JsonSerializer.Serialize(new { url })));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "url_not_allowed");
    }
}
