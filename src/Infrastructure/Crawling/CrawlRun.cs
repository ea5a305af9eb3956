using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Logging;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// One crawl after robots.txt: sitemaps, then pages breadth-first with at most
/// <see cref="CrawlerOptions.MaxConcurrency"/> requests in flight. All bookkeeping (frontier, seen and reported URLs,
/// page count) happens on the enumerating thread between awaits; the parallel part only fetches and parses.
/// </summary>
internal sealed class CrawlRun(CrawlRequest request, CrawlScope scope, PageFetcher fetcher, CrawlerOptions options, ILogger logger)
{
    private readonly Queue<Uri> _frontier = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _knownHashes = request.KnownContentHashes
        .GroupBy(known => UrlNormalizer.Normalize(known.Key)?.AbsoluteUri ?? known.Key, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal);
    private readonly string _robotsName = RobotsTxt.ProductToken(options.UserAgent);
    private int _pages;

    /// <param name="sitemapLocations">The <c>Sitemap</c> lines of robots.txt; <c>/sitemap.xml</c> is always tried.</param>
    public async IAsyncEnumerable<CrawlEvent> RunAsync(Uri start, IEnumerable<string> sitemapLocations, RunCancellation cancellation)
    {
        // Known pages are queued right after the start page, so a re-crawl revisits what is stored (and notices
        // removed pages) before the page limit is spent on new ones.
        Enqueue(start);
        foreach (var known in _knownHashes.Keys.Order(StringComparer.Ordinal))
        {
            if (UrlNormalizer.Normalize(known) is { } url)
            {
                Enqueue(url);
            }
        }

        if (!await ReadSitemapsAsync(start, sitemapLocations, cancellation))
        {
            yield return TimeLimitReached(start);
            yield break;
        }

        // Cancelled when the enumeration ends, to abandon pages still in flight (page limit reached, caller stopped).
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Run);
        var pageCancellation = cancellation with { Run = abandon.Token };
        var inFlight = new List<Task<PageResult?>>();
        try
        {
            while (_pages < request.MaxPages)
            {
                while (inFlight.Count < Math.Max(1, options.MaxConcurrency) && _frontier.TryDequeue(out var next))
                {
                    inFlight.Add(pageCancellation.UnlessStoppedAsync(token => FetchPageAsync(next, token)));
                }

                if (inFlight.Count == 0)
                {
                    yield break;
                }

                var completed = await Task.WhenAny(inFlight);
                inFlight.Remove(completed);
                if (await completed is not { } result)
                {
                    yield return TimeLimitReached(start);
                    yield break;
                }

                if (Report(result) is { } crawlEvent)
                {
                    yield return crawlEvent;
                }
            }
        }
        finally
        {
            await abandon.CancelAsync();
            await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private CrawlStopped TimeLimitReached(Uri start)
    {
        logger.LogInformation("The crawl of {Site} reached its time limit of {Minutes} min.", start.GetLeftPart(UriPartial.Authority), options.MaxRunMinutes);
        return new CrawlStopped(CrawlFailureReasons.TimeLimit);
    }

    /// <summary>
    /// Queues the page URLs of the sitemaps, following sitemap index files, at most <see cref="CrawlerOptions.MaxSitemaps"/>
    /// files. Sitemap files and entries on other hosts are ignored. <c>false</c>: the time limit hit.
    /// </summary>
    private async Task<bool> ReadSitemapsAsync(Uri start, IEnumerable<string> sitemapLocations, RunCancellation cancellation)
    {
        var sitemaps = new Queue<Uri>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        void AddSitemap(string location)
        {
            if (UrlNormalizer.Normalize(location, start) is { } url && scope.Admits(url) && listed.Add(url.AbsoluteUri))
            {
                sitemaps.Enqueue(url);
            }
        }

        foreach (var location in sitemapLocations.Append("/sitemap.xml"))
        {
            AddSitemap(location);
        }

        for (var read = 0; read < options.MaxSitemaps && sitemaps.TryDequeue(out var url); read++)
        {
            var result = await cancellation.UnlessStoppedAsync(token => fetcher.FetchAsync(url, scope.OffSiteRejection, _ => true, token));
            if (result is null)
            {
                return false;
            }

            if (result is not FetchedResponse { IsSuccess: true, Body: { } body })
            {
                logger.LogDebug("Sitemap {Url} skipped: {Result}.", url, result);
                continue;
            }

            var sitemap = Sitemap.Parse(body);
            foreach (var location in sitemap.Locations)
            {
                if (sitemap.IsIndex)
                {
                    AddSitemap(location);
                }
                else if (UrlNormalizer.Normalize(location, start) is { } page)
                {
                    Enqueue(page);
                }
            }
        }

        return true;
    }

    private void Enqueue(Uri url)
    {
        if (scope.Admits(url) && _seen.Add(url.AbsoluteUri))
        {
            _frontier.Enqueue(url);
        }
    }

    private async Task<PageResult> FetchPageAsync(Uri url, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(url, scope.RedirectRejection, IsHtml, cancellationToken);
        var page = result is FetchedResponse { IsSuccess: true, Body: { } body } response
            ? HtmlPage.Parse(body, response.FinalUrl, _robotsName, cancellationToken)
            : null;
        return new PageResult(url, result, page);
    }

    private static bool IsHtml(string? mediaType) =>
        string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase)
        || string.Equals(mediaType, "application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns one fetched page into at most one event, and queues its links.</summary>
    private CrawlEvent? Report(PageResult result)
    {
        var url = result.Url.AbsoluteUri;
        return result.Fetch switch
        {
            FetchFailure failure => new PageFailed(url, failure.Reason),
            FetchedResponse { StatusCode: 404 or 410 } when _knownHashes.ContainsKey(url) => new PageGone(url),
            FetchedResponse { IsSuccess: false } response => new PageFailed(url, CrawlFailureReasons.HttpStatus(response.StatusCode)),
            FetchedResponse { Body: { } body } response when result.Page is { } page => ReportPage(response.FinalUrl, body, page),
            _ => new PageFailed(url, CrawlFailureReasons.NotHtml),
        };
    }

    private CrawledPage? ReportPage(Uri finalUrl, byte[] body, HtmlPage page)
    {
        _seen.Add(finalUrl.AbsoluteUri);
        if (!page.NoFollow)
        {
            foreach (var link in page.Links)
            {
                Enqueue(link);
            }
        }

        if (page.NoIndex || StorageUrl(finalUrl, page) is not { } storageUrl || !_reported.Add(storageUrl.AbsoluteUri))
        {
            return null;
        }

        // The canonical page is now covered; fetching it as well would only produce a duplicate.
        _seen.Add(storageUrl.AbsoluteUri);
        _pages++;
        var unchanged = _knownHashes.TryGetValue(storageUrl.AbsoluteUri, out var knownHash)
            && string.Equals(knownHash, page.ContentHash, StringComparison.OrdinalIgnoreCase);
        return new CrawledPage(storageUrl.AbsoluteUri, page.Title, body, page.ContentHash, unchanged);
    }

    /// <summary>
    /// The canonical URL when it is on this site; a canonical on another host is ignored. <c>null</c> when the
    /// canonical is excluded: storing the page under it would bring back a page the operator or robots.txt keeps out.
    /// </summary>
    private Uri? StorageUrl(Uri finalUrl, HtmlPage page)
    {
        if (page.Canonical is not { } canonical || !scope.IsOnSite(canonical))
        {
            return finalUrl;
        }

        return scope.IsExcluded(canonical) ? null : canonical;
    }

    private sealed record PageResult(Uri Url, FetchResult Fetch, HtmlPage? Page);
}
