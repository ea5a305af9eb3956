namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Crawls one documentation site (same host and port as the start URL) under the crawl rules of management-api.md:
/// robots.txt, sitemaps, canonical links, exclusions, limits and SSRF protection. Reports what it finds as it goes.
/// </summary>
public interface ISiteCrawler
{
    IAsyncEnumerable<CrawlEvent> CrawlAsync(CrawlRequest request, CancellationToken cancellationToken);
}

/// <param name="StartUrl">Where the crawl starts; defines the host and port.</param>
/// <param name="Exclusions">Glob patterns matched against the URL path (with query): <c>*</c>, <c>**</c>, <c>?</c>.</param>
/// <param name="MaxPages">Stop after this many indexable pages.</param>
/// <param name="ExcludedUrls">Normalized URLs an operator removed; never fetched.</param>
/// <param name="KnownContentHashes">Normalized URL → content hash of the pages already stored, to report unchanged pages.</param>
public sealed record CrawlRequest(
    Uri StartUrl,
    IReadOnlyList<string> Exclusions,
    int MaxPages,
    IReadOnlySet<string> ExcludedUrls,
    IReadOnlyDictionary<string, string> KnownContentHashes);

public abstract record CrawlEvent;

/// <summary>An indexable HTML page, stored under its canonical <see cref="Url"/>. <see cref="Unchanged"/>: same hash as known.</summary>
public sealed record CrawledPage(string Url, string Title, byte[] Html, string ContentHash, bool Unchanged) : CrawlEvent;

/// <summary>A page known from an earlier run now answers 404 or 410.</summary>
public sealed record PageGone(string Url) : CrawlEvent;

/// <summary>A URL that could not be fetched or indexed, with a short reason (e.g. <c>timeout</c>, <c>too_large</c>, <c>http_500</c>, <c>url_not_allowed</c>).</summary>
public sealed record PageFailed(string Url, string Reason) : CrawlEvent;

/// <summary>The crawl ended early. Reasons: <c>robots_unavailable</c> (nothing crawled), <c>time_limit</c>.</summary>
public sealed record CrawlStopped(string Reason) : CrawlEvent;

/// <summary>Refuses outbound targets that resolve to loopback, private, link-local and other internal addresses (unless configured).</summary>
public interface IOutboundUrlGuard
{
    /// <summary><c>null</c> when the URL may be fetched; otherwise a reason (<c>invalid_url</c> or <c>url_not_allowed</c> with a message).</summary>
    Task<OutboundUrlRejection?> CheckAsync(string url, CancellationToken cancellationToken);
}

public sealed record OutboundUrlRejection(string Code, string Message);
