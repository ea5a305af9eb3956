namespace Chat9.Application.Common.Interfaces;

/// <summary>The crawler's URL rules, for use cases that must apply them outside a crawl (exclusions edited, pages removed).</summary>
public interface IUrlPatterns
{
    /// <summary>The normalized form (lower-case scheme and host, no default port, no fragment), or <c>null</c> if not an http(s) URL.</summary>
    string? Normalize(string url);

    /// <summary>Whether the URL's path (with query) matches one of the exclusion globs (<c>*</c>, <c>**</c>, <c>?</c>).</summary>
    bool IsExcluded(string url, IReadOnlyList<string> exclusionGlobs);
}

/// <summary>Wakes this server's crawl worker when a crawl is queued.</summary>
public interface ICrawlSignal
{
    void WorkQueued();
}
