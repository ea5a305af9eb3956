using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chat9.Infrastructure.Documents.Parsing;
using AngleSharpHtmlParser = AngleSharp.Html.Parser.HtmlParser;

namespace Chat9.Infrastructure.Crawling;

/// <summary>What the crawler needs from an HTML page: title, links, canonical URL, meta robots and a content hash.</summary>
internal sealed class HtmlPage
{
    private static readonly char[] Separators = [',', ' ', '\t', '\n', '\r', '\f'];

    public required string Title { get; init; }

    /// <summary>Absolute, normalized http/https link targets in document order, without duplicates; any host.</summary>
    public required IReadOnlyList<Uri> Links { get; init; }

    /// <summary>The normalized <c>&lt;link rel="canonical"&gt;</c> target, any host; <c>null</c> when absent.</summary>
    public required Uri? Canonical { get; init; }

    public required bool NoIndex { get; init; }

    public required bool NoFollow { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of the title and the visible text (navigation, scripts and other chrome left out, see
    /// <see cref="HtmlText"/>), not of the bytes: a new build id, reordered attributes or a changed menu do not make an
    /// unchanged page look changed and trigger a re-index.
    /// </summary>
    public required string ContentHash { get; init; }

    /// <param name="robotsName">The crawler's product token; <c>&lt;meta name="…"&gt;</c> with it counts like <c>robots</c>.</param>
    public static HtmlPage Parse(byte[] html, Uri url, string robotsName, CancellationToken cancellationToken)
    {
        // AngleSharp does not watch for cancellation itself; a huge page is checked at every token.
        var parserOptions = new HtmlParserOptions { OnToken = (_, _) => cancellationToken.ThrowIfCancellationRequested() };
        var document = new AngleSharpHtmlParser(parserOptions).ParseDocument(TextDecoder.Decode(html));
        var baseUrl = BaseUrl(document, url);
        var robots = RobotsDirectives(document, robotsName);
        var title = PageTitle(document, url);
        var text = HtmlText.Visible(document.Body ?? document.DocumentElement);

        return new HtmlPage
        {
            Title = title,
            Links = document.QuerySelectorAll("a[href], area[href]")
                .Select(link => UrlNormalizer.Normalize(link.GetAttribute("href")!, baseUrl))
                .OfType<Uri>()
                .DistinctBy(link => link.AbsoluteUri)
                .ToList(),
            Canonical = document.QuerySelectorAll("link[rel][href]")
                .Where(link => Tokens(link.GetAttribute("rel")).Contains("canonical", StringComparer.OrdinalIgnoreCase))
                .Select(link => UrlNormalizer.Normalize(link.GetAttribute("href")!, baseUrl))
                .FirstOrDefault(),
            NoIndex = robots.Contains("noindex") || robots.Contains("none"),
            NoFollow = robots.Contains("nofollow") || robots.Contains("none"),
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + text))),
        };
    }

    private static Uri BaseUrl(IDocument document, Uri url)
    {
        var href = document.QuerySelector("base[href]")?.GetAttribute("href");
        return href is not null && Uri.TryCreate(url, href, out var baseUrl) ? baseUrl : url;
    }

    private static HashSet<string> RobotsDirectives(IDocument document, string robotsName) =>
        document.QuerySelectorAll("meta[name][content]")
            .Where(meta => meta.GetAttribute("name")!.Trim() is var name
                && (name.Equals("robots", StringComparison.OrdinalIgnoreCase) || name.Equals(robotsName, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(meta => Tokens(meta.GetAttribute("content")))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>title</c> element, else the first h1, else the URL path: a crawled page always gets a name.</summary>
    private static string PageTitle(IDocument document, Uri url)
    {
        var title = WhitespaceText.Collapse(document.Title ?? "");
        if (title.Length == 0)
        {
            title = document.QuerySelectorAll("h1").Select(HtmlText.Visible).FirstOrDefault(text => text.Length > 0) ?? "";
        }

        return title.Length > 0 ? title : Uri.UnescapeDataString(url.AbsolutePath);
    }

    private static string[] Tokens(string? value) => (value ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
