using AngleSharp.Dom;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Decides which elements of a page are chrome (navigation, scripts, banners, cookie notices) rather than content.</summary>
internal static class HtmlNoiseFilter
{
    private static readonly HashSet<string> DroppedElements = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "iframe",
    };

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo",
    };

    private static readonly HashSet<string> NavigationNameParts = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "sidebar", "breadcrumb", "breadcrumbs", "menu", "cookie", "cookies", "footer", "toc",
    };

    private static readonly HashSet<string> NeverDropped = new(StringComparer.Ordinal) { "html", "body", "main", "article" };

    private static readonly char[] NameSeparators = [' ', '\t', '\n', '-', '_'];

    public static bool IsNoise(IElement element)
    {
        var name = element.LocalName;
        if (NeverDropped.Contains(name) || string.Equals(element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return DroppedElements.Contains(name)
            || IsPageBannerOrFooter(element)
            || DroppedRoles.Contains(element.GetAttribute("role") ?? "")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || element.HasAttribute("hidden")
            || NamedLikeNavigation(element);
    }

    // A header or footer is the page's banner or footer only outside sectioning content (HTML-AAM); an article's own
    // header usually holds its title, so it stays.
    private static bool IsPageBannerOrFooter(IElement element) =>
        element.LocalName is "header" or "footer"
        && element.ParentElement?.Closest("article, aside, main, nav, section") is null;

    private static bool NamedLikeNavigation(IElement element)
    {
        var names = $"{element.GetAttribute("class")} {element.Id}".ToLowerInvariant();
        return names.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries).Any(NavigationNameParts.Contains);
    }
}
