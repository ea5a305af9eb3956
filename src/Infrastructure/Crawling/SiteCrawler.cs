using System.Runtime.CompilerServices;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Documents.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// Crawls one documentation site under the crawl rules of management-api.md. The start URL's host is vetted by
/// <see cref="AddressPolicy"/> before anything is sent (any banned address fails the crawl, as for
/// <see cref="OutboundUrlGuard"/>), robots.txt is read before any page, and every connection goes through
/// <see cref="OutboundHttpClientFactory"/>, which vets the address it connects to.
/// </summary>
/// <remarks>
/// <see cref="CrawledPage.ContentHash"/> is the SHA-256 of the page title and visible text, so markup-only changes
/// count as unchanged. Skipped without an event: excluded and robots-disallowed URLs, noindex pages, duplicates of a
/// page already reported under the same (canonical) URL. Reaching <see cref="CrawlRequest.MaxPages"/> ends the
/// enumeration without a <see cref="CrawlStopped"/> event.
/// </remarks>
public sealed class SiteCrawler(
    OutboundHttpClientFactory httpClientFactory,
    IOptions<CrawlerOptions> crawlerOptions,
    IOptions<NetworkOptions> networkOptions,
    TimeProvider timeProvider,
    ILogger<SiteCrawler> logger) : ISiteCrawler
{
    public async IAsyncEnumerable<CrawlEvent> CrawlAsync(CrawlRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (UrlNormalizer.Normalize(request.StartUrl) is not { } start)
        {
            yield return new PageFailed(request.StartUrl.OriginalString, CrawlFailureReasons.InvalidUrl);
            yield break;
        }

        // An unresolvable host is left to the robots.txt request, which then fails like an unreachable site.
        if (await HostAddresses.VetAsync(start.IdnHost, networkOptions.Value, cancellationToken) == HostAddresses.Verdict.Blocked)
        {
            yield return new PageFailed(start.AbsoluteUri, CrawlFailureReasons.UrlNotAllowed);
            yield break;
        }

        var options = crawlerOptions.Value;
        using var client = httpClientFactory.CreateClient(options.UserAgent);
        using var timeLimit = new CancellationTokenSource(TimeSpan.FromMinutes(options.MaxRunMinutes), timeProvider);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        var cancellation = new RunCancellation(cancellationToken, run.Token);
        var pacer = new RequestPacer(timeProvider);
        var fetcher = new PageFetcher(client, pacer, timeProvider, options);

        // robots.txt may redirect to another host (RFC 9309 2.3.1.2); the connection is still vetted.
        var robotsResult = await cancellation.UnlessStoppedAsync(token => fetcher.FetchAsync(new Uri(start, "/robots.txt"), _ => null, _ => true, token));
        if (robotsResult is null)
        {
            yield return new CrawlStopped(CrawlFailureReasons.TimeLimit);
            yield break;
        }

        if (ReadRobots(robotsResult, options.UserAgent) is not { } robots)
        {
            logger.LogWarning("robots.txt of {Site} is unavailable ({Result}); the crawl stops.", start.GetLeftPart(UriPartial.Authority), robotsResult);
            yield return new CrawlStopped(CrawlFailureReasons.RobotsUnavailable);
            yield break;
        }

        pacer.SetDelay(TimeSpan.FromSeconds(Math.Min(robots.CrawlDelay?.TotalSeconds ?? 0, options.MaxCrawlDelaySeconds)));
        var scope = new CrawlScope(start, robots, request.Exclusions, request.ExcludedUrls);
        var crawl = new CrawlRun(request, scope, fetcher, options, logger);
        await foreach (var crawlEvent in crawl.RunAsync(start, robots.Sitemaps, cancellation))
        {
            yield return crawlEvent;
        }
    }

    /// <summary>A 2xx robots.txt is parsed and a 4xx allows everything (RFC 9309); anything else is unavailable.</summary>
    private static RobotsTxt? ReadRobots(FetchResult result, string userAgent) => result switch
    {
        FetchedResponse { IsSuccess: true, Body: { } body } => RobotsTxt.Parse(TextDecoder.Decode(body), userAgent),
        // 429 asks the crawler to come back later, not to crawl freely.
        FetchedResponse { StatusCode: >= 400 and < 500 and not 429 } => RobotsTxt.AllowAll,
        _ => null,
    };
}
