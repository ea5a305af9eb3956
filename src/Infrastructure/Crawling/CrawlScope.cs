namespace Chat9.Infrastructure.Crawling;

/// <summary>Which URLs one crawl may fetch: the start URL's origin, minus operator exclusions and robots.txt.</summary>
internal sealed class CrawlScope
{
    private readonly Uri _site;
    private readonly RobotsTxt _robots;
    private readonly IReadOnlyList<ExclusionGlob> _exclusions;
    private readonly HashSet<string> _excludedUrls;

    /// <param name="excludedUrls">URLs an operator removed; normalized again here, so any spelling of them matches.</param>
    public CrawlScope(Uri site, RobotsTxt robots, IEnumerable<string> exclusions, IEnumerable<string> excludedUrls)
    {
        _site = site;
        _robots = robots;
        _exclusions = exclusions.Select(pattern => new ExclusionGlob(pattern)).ToList();
        _excludedUrls = excludedUrls
            .Select(url => UrlNormalizer.Normalize(url)?.AbsoluteUri ?? url)
            .ToHashSet(StringComparer.Ordinal);
    }

    public bool IsOnSite(Uri url) => UrlNormalizer.IsSameSite(url, _site);

    /// <summary>Removed by the operator, matched by an exclusion pattern, or disallowed by robots.txt.</summary>
    public bool IsExcluded(Uri url) =>
        _excludedUrls.Contains(url.AbsoluteUri)
        || _exclusions.Any(glob => glob.IsMatch(url.PathAndQuery))
        || !_robots.IsAllowed(url.PathAndQuery);

    public bool Admits(Uri url) => IsOnSite(url) && !IsExcluded(url);

    /// <summary>Why a request for a sitemap may not follow a redirect to <paramref name="url"/>, or <c>null</c>.</summary>
    public string? OffSiteRejection(Uri url) => IsOnSite(url) ? null : CrawlFailureReasons.RedirectOffSite;

    /// <summary>Why a page request may not follow a redirect to <paramref name="url"/>, or <c>null</c>.</summary>
    public string? RedirectRejection(Uri url) =>
        !IsOnSite(url) ? CrawlFailureReasons.RedirectOffSite
        : IsExcluded(url) ? CrawlFailureReasons.RedirectExcluded
        : null;
}
