using System.Collections.Concurrent;
using Chat9.Application.Common.Interfaces;
using Chat9.Infrastructure.Crawling;

namespace Chat9.Infrastructure.Sources;

/// <summary>The crawler's own URL normalization and exclusion globs, for use cases outside a crawl.</summary>
public sealed class UrlPatterns : IUrlPatterns
{
    private readonly ConcurrentDictionary<string, ExclusionGlob> _globs = new(StringComparer.Ordinal);

    public string? Normalize(string url) => UrlNormalizer.Normalize(url)?.AbsoluteUri;

    public bool IsExcluded(string url, IReadOnlyList<string> exclusionGlobs)
    {
        if (exclusionGlobs.Count == 0 || UrlNormalizer.Normalize(url) is not { } normalized)
        {
            return false;
        }

        var pathAndQuery = normalized.PathAndQuery;
        return exclusionGlobs.Any(pattern => _globs.GetOrAdd(pattern, p => new ExclusionGlob(p)).IsMatch(pathAndQuery));
    }
}
