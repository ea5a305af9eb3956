using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Microsoft.AspNetCore.Http;
using static Chat9.Infrastructure.UnitTests.Crawling.CrawlTesting;

namespace Chat9.Infrastructure.UnitTests.Crawling;

/// <summary>The crawl rules of management-api.md, against a small site served on 127.0.0.1.</summary>
public sealed class SiteCrawlerTests
{
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync();

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task Crawl_DocumentationSite_ReportsExactlyTheIndexablePagesAndTheFailures()
    {
        BuildDocumentationSite();
        var request = Request(_site, exclusions: ["/blog/**"], excludedUrls: new HashSet<string> { _site.Url("/docs/removed") });

        var events = await CollectAsync(Crawler(), request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(_site, events), Is.EquivalentTo(new[]
            {
                "page /", "page /docs/a", "page /docs/b", "page /docs/moved",
                "page /docs/from-noindex", "page /docs/from-sitemap", "page /docs/from-robots-sitemap",
                "failed /image.png not_html", "failed /big too_large", "failed /big-chunked too_large", "failed /slow timeout",
                "failed /external redirect_off_site", "failed /to-private redirect_excluded",
                "failed /error http_500", "failed /missing http_404",
            }));
            Assert.That(_site.RequestedPaths, Has.None.AnyOf("/private", "/blog/post", "/docs/removed", "/docs/with-user-info"));
            Assert.That(_site.RequestedPaths.Count(path => path == "/robots.txt"), Is.EqualTo(1));
            Assert.That(_site.RequestedPaths.Count(path => path == "/docs/a"), Is.LessThanOrEqualTo(1), "fragments are dropped before de-duplication");
        }
    }

    [Test]
    public async Task Crawl_DocumentationSite_ReportsTitlesHashesAndBodies()
    {
        BuildDocumentationSite();

        var pages = (await CollectAsync(Crawler(), Request(_site, exclusions: ["/blog/**"]))).OfType<CrawledPage>().ToDictionary(page => page.Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages[_site.Url("/")].Title, Is.EqualTo("Home"));
            Assert.That(pages[_site.Url("/docs/b")].Title, Is.EqualTo("Page B"), "no <title>: the first h1");
            Assert.That(pages[_site.Url("/docs/from-sitemap")].Title, Is.EqualTo("/docs/from-sitemap"), "no title and no h1: the path");
            Assert.That(Encoding.UTF8.GetString(pages[_site.Url("/docs/b")].Html), Does.Contain("<h1>Page B</h1>"));
            Assert.That(pages.Values.Select(page => page.ContentHash), Has.All.Match("^[0-9a-f]{64}$"));
            Assert.That(pages.Values.Select(page => page.Unchanged), Has.All.False);
        }
    }

    [Test]
    public async Task Crawl_CanonicalLinks_StoreUnderTheCanonicalUrlAndSkipDuplicates()
    {
        _site.Status("/robots.txt", 404);
        _site.Html("/", Page("Home", Links("/dup", "/dup2", "/foreign-canonical", "/excluded-canonical")));
        _site.Html("/dup", $"""<html><head><title>Dup</title><link rel="canonical" href="/docs/a"></head><body>Same text</body></html>""");
        _site.Html("/dup2", $"""<html><head><title>Dup</title><link rel="Canonical" href="{_site.Url("/docs/a")}"></head><body>Same text</body></html>""");
        _site.Html("/foreign-canonical", """<html><head><link rel="canonical" href="https://elsewhere.example/page"></head><body>Mirror</body></html>""");
        _site.Html("/excluded-canonical", """<html><head><link rel="canonical" href="/blog/original"></head><body>Copy</body></html>""");
        _site.Html("/docs/a", Page("A", ""));

        var events = await CollectAsync(Crawler(), Request(_site, exclusions: ["/blog/**"]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(_site, events), Is.EquivalentTo(new[] { "page /", "page /docs/a", "page /foreign-canonical" }));
            Assert.That(Encoding.UTF8.GetString(events.OfType<CrawledPage>().Single(page => page.Url == _site.Url("/docs/a")).Html), Does.Contain("Same text"));
            Assert.That(_site.RequestedPaths, Has.None.EqualTo("/docs/a"), "the canonical page was already covered by its duplicate");
        }
    }

    [Test]
    public async Task Crawl_RobotsTxtAnswers500_StopsWithRobotsUnavailableAndFetchesNothingElse()
    {
        _site.Status("/robots.txt", 500);
        _site.Html("/", Page("Home", Links("/docs/a")));

        var events = await CollectAsync(Crawler(), Request(_site));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(_site, events), Is.EqualTo(new[] { "stopped robots_unavailable" }));
            Assert.That(_site.RequestedPaths, Is.EqualTo(new[] { "/robots.txt" }));
        }
    }

    [Test]
    public async Task Crawl_RobotsTxtUnreachable_StopsWithRobotsUnavailable()
    {
        var closedPort = new UriBuilder(_site.BaseUri) { Port = ClosedLoopbackPort() }.Uri;
        var request = Request(_site) with { StartUrl = closedPort };

        var events = await CollectAsync(Crawler(), request);

        Assert.That(Describe(_site, events), Is.EqualTo(new[] { "stopped robots_unavailable" }));
    }

    [Test]
    public async Task Crawl_RobotsTxtAnswers404_AllowsEverything()
    {
        _site.Status("/robots.txt", 404);
        _site.Html("/", Page("Home", Links("/private")));
        _site.Html("/private", Page("Private", ""));

        var events = await CollectAsync(Crawler(), Request(_site));

        Assert.That(Describe(_site, events), Is.EquivalentTo(new[] { "page /", "page /private" }));
    }

    [Test]
    public async Task Crawl_MaxPages_StopsAfterThatManyPages()
    {
        _site.Status("/robots.txt", 404);
        var paths = Enumerable.Range(1, 9).Select(number => $"/p{number}").ToArray();
        _site.Html("/", Page("Home", Links(paths)));
        foreach (var path in paths)
        {
            _site.Html(path, Page(path, ""));
        }

        var events = await CollectAsync(Crawler(), Request(_site, maxPages: 3));

        Assert.That(events.OfType<CrawledPage>().Count(), Is.EqualTo(3));
    }

    [TestCase(1)]
    [TestCase(3)]
    public async Task Crawl_MaxConcurrency_IsTheMostRequestsInFlight(int maxConcurrency)
    {
        _site.Status("/robots.txt", 404);
        var paths = Enumerable.Range(1, 8).Select(number => $"/p{number}").ToArray();
        _site.Html("/", Page("Home", Links(paths)));
        foreach (var path in paths)
        {
            _site.Map(path, async context =>
            {
                await Task.Delay(150, context.RequestAborted);
                await TestSite.WriteHtmlAsync(context, Page(path, ""));
            });
        }

        var options = TestOptions;
        options.MaxConcurrency = maxConcurrency;

        var events = await CollectAsync(Crawler(options), Request(_site));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.OfType<CrawledPage>().Count(), Is.EqualTo(9));
            Assert.That(_site.MaxInFlight, Is.EqualTo(maxConcurrency));
        }
    }

    [Test]
    public async Task Crawl_Again_ReportsUnchangedPagesAndGonePages()
    {
        _site.Status("/robots.txt", 404);
        var links = """<a href="/docs/a">Docs</a> <a href="/docs/b">More</a> <a href="/gone"></a> <a href="/gone-410"></a>""";
        _site.Html("/", Page("Home", links));
        _site.Html("/docs/a", Page("A", "Alpha text"));
        _site.Html("/docs/b", Page("B", "Beta text"));
        _site.Html("/gone", Page("Gone", "Soon removed"));
        _site.Html("/gone-410", Page("Gone too", "Soon removed as well"));
        var first = await CollectAsync(Crawler(), Request(_site));
        var known = first.OfType<CrawledPage>().ToDictionary(page => page.Url, page => page.ContentHash);

        // Markup-only changes to / and /docs/a, a text change to /docs/b; the removed pages are no longer linked.
        _site.Html("/", Page("Home", """<a class="primary" href="/docs/a">Docs</a> <a href="/docs/b">More</a>"""));
        _site.Html("/docs/a", Page("A", """<p class="lead">Alpha text</p>"""));
        _site.Html("/docs/b", Page("B", "Beta text, revised"));
        _site.Status("/gone", 404);
        _site.Status("/gone-410", 410);
        var second = await CollectAsync(Crawler(), Request(_site, knownHashes: known));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(known, Has.Count.EqualTo(5));
            Assert.That(Describe(_site, second), Is.EquivalentTo(new[] { "page /", "page /docs/a", "page /docs/b", "gone /gone", "gone /gone-410" }));
            var unchanged = second.OfType<CrawledPage>().ToDictionary(page => page.Url, page => page.Unchanged);
            Assert.That(unchanged[_site.Url("/")], Is.True);
            Assert.That(unchanged[_site.Url("/docs/a")], Is.True);
            Assert.That(unchanged[_site.Url("/docs/b")], Is.False);
        }
    }

    [Test]
    public async Task Crawl_LoopbackNotAllowed_FailsTheStartUrlWithoutSendingARequest()
    {
        _site.Html("/", Page("Home", ""));

        var events = await CollectAsync(Crawler(network: new NetworkOptions()), Request(_site));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(_site, events), Is.EqualTo(new[] { "failed / url_not_allowed" }));
            Assert.That(_site.RequestedPaths, Is.Empty);
        }
    }

    [Test]
    public async Task Crawl_StartUrlNotHttp_FailsWithInvalidUrl()
    {
        var events = await CollectAsync(Crawler(), Request(_site) with { StartUrl = new Uri("ftp://127.0.0.1/") });

        Assert.That(Describe(_site, events), Is.EqualTo(new[] { "failed ftp://127.0.0.1/ invalid_url" }));
    }

    [Test]
    public async Task Crawl_Redirects_FollowsUpToTheLimitAndStoresUnderTheTarget()
    {
        _site.Status("/robots.txt", 404);
        _site.Html("/", Page("Home", Links("/short", "/long")));
        _site.Redirect("/short", "/short-1", 301);
        _site.Redirect("/short-1", "/short-2", 308);
        _site.Html("/short-2", Page("Target", ""));
        _site.Redirect("/long", "/long-1");
        _site.Redirect("/long-1", "/long-2");
        _site.Redirect("/long-2", "/long-3");
        _site.Html("/long-3", Page("Too far", ""));
        var options = TestOptions;
        options.MaxRedirects = 2;

        var events = await CollectAsync(Crawler(options), Request(_site));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(_site, events), Is.EquivalentTo(new[] { "page /", "page /short-2", "failed /long too_many_redirects" }));
            Assert.That(_site.RequestedPaths, Has.None.EqualTo("/long-3"));
        }
    }

    [Test]
    public async Task Crawl_CrawlDelay_SpacesRequestsButNoMoreThanTheConfiguredMaximum()
    {
        _site.Text("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 60\n");
        _site.Html("/", Page("Home", Links("/docs/a")));
        _site.Html("/docs/a", Page("A", ""));
        var options = TestOptions;
        options.MaxCrawlDelaySeconds = 1;

        var events = await CollectAsync(Crawler(options), Request(_site));

        var times = _site.RequestTimes;
        var gaps = times.Zip(times.Skip(1), (earlier, later) => later - earlier).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(_site, events), Is.EquivalentTo(new[] { "page /", "page /docs/a" }));
            Assert.That(_site.RequestedPaths, Is.EqualTo(new[] { "/robots.txt", "/sitemap.xml", "/", "/docs/a" }));
            Assert.That(gaps, Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.All.LessThan(TimeSpan.FromSeconds(3)));
        }
    }

    [Test]
    public async Task Crawl_RunTimeLimit_StopsWithTimeLimit()
    {
        var clock = new ManualTimeProvider();
        var hangRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Status("/robots.txt", 404);
        _site.Html("/", Page("Home", Links("/hang")));
        _site.Map("/hang", async context =>
        {
            hangRequested.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var options = TestOptions;
        options.MaxRunMinutes = 1;
        options.RequestTimeoutSeconds = 300; // only the run limit may fire when the clock moves a minute

        var crawl = CollectAsync(Crawler(options, timeProvider: clock), Request(_site));
        await hangRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromMinutes(1));
        var events = await crawl;

        Assert.That(Describe(_site, events), Is.EqualTo(new[] { "page /", "stopped time_limit" }));
    }

    [Test]
    public async Task Crawl_CallerCancels_ThrowsOperationCanceled()
    {
        var hangRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Status("/robots.txt", 404);
        _site.Html("/", Page("Home", Links("/hang")));
        _site.Map("/hang", async context =>
        {
            hangRequested.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var options = TestOptions;
        options.RequestTimeoutSeconds = 300;
        using var cancellation = new CancellationTokenSource();

        var crawl = CollectAsync(Crawler(options), Request(_site), cancellation.Token);
        await hangRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        Assert.That(async () => await crawl, Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>
    /// Every rule in one site: links, sitemaps (robots.txt line and /sitemap.xml as an index), robots.txt, exclusions,
    /// noindex, a canonical duplicate, non-HTML, size and time limits, redirects and error statuses.
    /// </summary>
    private void BuildDocumentationSite()
    {
        _site.Text("/robots.txt", "text/plain", $"""
            User-agent: *
            Disallow: /private
            Sitemap: {_site.Url("/sitemap-robots.xml")}
            """);
        _site.Html("/", Page("Home", Links(
            "/docs/a", "/docs/b", "/docs/a#intro", "/blog/post", "/private", "/noindex", "/dup", "/image.png", "/big", "/big-chunked",
            "/slow", "/external", "/error", "/missing", "/old", "/to-private", "/docs/removed",
            "mailto:help@example.com", "javascript:void(0)", "http://other.example/page",
            new UriBuilder(_site.Url("/docs/with-user-info")) { UserName = "user", Password = "secret" }.Uri.AbsoluteUri)));
        _site.Html("/docs/a", Page("A", Links("/docs/b", "/")));
        _site.Html("/docs/b", $"""<html><body><h1>Page B</h1>{Links("/docs/a")}</body></html>""");
        _site.Html("/noindex", """<html><head><meta name="robots" content="noindex"></head><body><a href="/docs/from-noindex">x</a></body></html>""");
        _site.Html("/docs/from-noindex", Page("From noindex", ""));
        _site.Html("/dup", """<html><head><title>A copy</title><link rel="canonical" href="/docs/a"></head><body>Copy</body></html>""");
        _site.Map("/image.png", context =>
        {
            context.Response.ContentType = "image/png";
            return context.Response.Body.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 }).AsTask();
        });
        var big = Page("Big", new string('x', 100 * 1024));
        _site.Map("/big", context =>
        {
            context.Response.ContentLength = Encoding.UTF8.GetByteCount(big);
            return TestSite.WriteHtmlAsync(context, big);
        });
        _site.Map("/big-chunked", async context =>
        {
            context.Response.ContentType = "text/html";
            for (var chunk = 0; chunk < 100; chunk++)
            {
                await context.Response.WriteAsync(new string('x', 1024));
                await context.Response.Body.FlushAsync();
            }
        });
        _site.Map("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await TestSite.WriteHtmlAsync(context, Page("Slow", ""));
        });
        _site.Redirect("/external", "http://external.example/");
        _site.Status("/error", 500);
        _site.Redirect("/old", "/docs/moved", 301);
        _site.Html("/docs/moved", Page("Moved", ""));
        _site.Redirect("/to-private", "/private/page");
        _site.Html("/private", Page("Private", ""));
        _site.Html("/blog/post", Page("Blog", ""));
        _site.Html("/docs/removed", Page("Removed", ""));
        _site.Text("/sitemap.xml", "application/xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>{_site.Url("/sitemap-docs.xml")}</loc></sitemap>
              <sitemap><loc>http://other.example/sitemap.xml</loc></sitemap>
            </sitemapindex>
            """);
        _site.Text("/sitemap-docs.xml", "application/xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>{_site.Url("/docs/from-sitemap")}</loc></url>
              <url><loc>http://other.example/docs/x</loc></url>
            </urlset>
            """);
        _site.Text("/sitemap-robots.xml", "text/xml", $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{_site.Url("/docs/from-robots-sitemap")}</loc></url></urlset>
            """);
        _site.Html("/docs/from-sitemap", "<html><body><p>Only in the sitemap</p></body></html>");
        _site.Html("/docs/from-robots-sitemap", Page("From robots sitemap", ""));
    }

    private static string Page(string title, string body) => $"<html><head><title>{title}</title></head><body>{body}</body></html>";

    private static string Links(params string[] hrefs) => string.Concat(hrefs.Select(href => $"""<a href="{href}">{href}</a> """));

    private static int ClosedLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
