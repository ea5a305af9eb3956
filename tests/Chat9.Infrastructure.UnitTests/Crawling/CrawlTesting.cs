using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Crawling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.UnitTests.Crawling;

/// <summary>Builds crawlers for the loopback test site and turns their events into short, comparable lines.</summary>
internal static class CrawlTesting
{
    public static NetworkOptions LoopbackAllowed => new() { AllowLoopback = true };

    /// <summary>Small limits, so the size and timeout cases stay fast.</summary>
    public static CrawlerOptions TestOptions => new()
    {
        RequestTimeoutSeconds = 1,
        MaxPageBytes = 64 * 1024,
        MaxRedirects = 5,
        MaxConcurrency = 2,
        MaxRunMinutes = 5,
        MaxCrawlDelaySeconds = 10,
        MaxSitemaps = 20,
    };

    public static SiteCrawler Crawler(CrawlerOptions? options = null, NetworkOptions? network = null, TimeProvider? timeProvider = null)
    {
        var networkOptions = Options.Create(network ?? LoopbackAllowed);
        return new SiteCrawler(
            new OutboundHttpClientFactory(networkOptions),
            Options.Create(options ?? TestOptions),
            networkOptions,
            timeProvider ?? TimeProvider.System,
            NullLogger<SiteCrawler>.Instance);
    }

    public static CrawlRequest Request(
        TestSite site,
        int maxPages = 100,
        IReadOnlyList<string>? exclusions = null,
        IReadOnlySet<string>? excludedUrls = null,
        IReadOnlyDictionary<string, string>? knownHashes = null) =>
        new(site.BaseUri, exclusions ?? [], maxPages, excludedUrls ?? new HashSet<string>(), knownHashes ?? new Dictionary<string, string>());

    /// <summary>All events of a crawl; a crawl that hangs fails the test after 15 s instead of blocking the run.</summary>
    public static async Task<List<CrawlEvent>> CollectAsync(ISiteCrawler crawler, CrawlRequest request, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var events = new List<CrawlEvent>();
        await foreach (var crawlEvent in crawler.CrawlAsync(request, timeout.Token))
        {
            events.Add(crawlEvent);
        }

        return events;
    }

    /// <summary><c>page /docs/a</c>, <c>failed /big too_large</c>, <c>gone /gone</c>, <c>stopped time_limit</c>: URLs relative to the site.</summary>
    public static List<string> Describe(TestSite site, IEnumerable<CrawlEvent> events) =>
        events.Select(crawlEvent => crawlEvent switch
        {
            CrawledPage page => $"page {Relative(site, page.Url)}",
            PageFailed failed => $"failed {Relative(site, failed.Url)} {failed.Reason}",
            PageGone gone => $"gone {Relative(site, gone.Url)}",
            CrawlStopped stopped => $"stopped {stopped.Reason}",
            _ => crawlEvent.ToString()!,
        }).ToList();

    private static string Relative(TestSite site, string url) =>
        url.StartsWith(site.BaseUri.AbsoluteUri, StringComparison.Ordinal) ? "/" + url[site.BaseUri.AbsoluteUri.Length..] : url;
}
