using System.Globalization;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// The one spelling of a crawlable URL, used for de-duplication and as the key of stored pages: http/https only, no user
/// info, lower-case scheme and host (IDN hosts in their ASCII form), no default port, no fragment, dot segments resolved,
/// unreserved percent-escapes decoded. The path keeps its case and the query keeps its order: both can change the page.
/// </summary>
public static class UrlNormalizer
{
    /// <summary>The normalized absolute URL, or <c>null</c> when it is not an http/https URL without user info.</summary>
    public static Uri? Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.UserInfo.Length > 0
            || url.Host.Length == 0)
        {
            return null;
        }

        // System.Uri already lower-cases, resolves dot segments, turns '\' into '/' and settles percent-escapes;
        // what is left is choosing the ASCII host and leaving out the default port and the fragment.
        var host = url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost;
        var port = url.IsDefaultPort ? "" : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return Uri.TryCreate($"{url.Scheme}://{host}{port}{url.PathAndQuery}", UriKind.Absolute, out var normalized) ? normalized : null;
    }

    /// <summary>Parses and normalizes; relative references resolve against <paramref name="baseUrl"/> when given.</summary>
    public static Uri? Normalize(string url, Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var parsed = baseUrl is null
            ? Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute) ? absolute : null
            : Uri.TryCreate(baseUrl, url.Trim(), out var resolved) ? resolved : null;
        return parsed is null ? null : Normalize(parsed);
    }

    /// <summary>Same scheme, host and port: the crawl never leaves the start URL's origin.</summary>
    public static bool IsSameSite(Uri url, Uri site) =>
        url.Scheme == site.Scheme
        && string.Equals(url.IdnHost, site.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == site.Port;
}
