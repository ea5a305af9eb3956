namespace Chat9.Infrastructure.Crawling;

/// <summary>The <see cref="Chat9.Application.Common.Interfaces.PageFailed"/> and crawl-stop reasons this crawler reports.</summary>
public static class CrawlFailureReasons
{
    public const string Timeout = "timeout";
    public const string TooLarge = "too_large";
    public const string ConnectionFailed = "connection_failed";
    /// <summary>The host resolves to an address <see cref="AddressPolicy"/> bans.</summary>
    public const string UrlNotAllowed = OutboundUrlGuard.UrlNotAllowed;
    public const string InvalidUrl = OutboundUrlGuard.InvalidUrl;
    /// <summary>The response is neither <c>text/html</c> nor <c>application/xhtml+xml</c>.</summary>
    public const string NotHtml = "not_html";
    /// <summary>A redirect leads to another origin, or to no http/https URL.</summary>
    public const string RedirectOffSite = "redirect_off_site";

    /// <summary>A redirect leads to a URL the operator excluded or robots.txt disallows.</summary>
    public const string RedirectExcluded = "redirect_excluded";
    public const string TooManyRedirects = "too_many_redirects";
    public const string RobotsUnavailable = "robots_unavailable";
    public const string TimeLimit = "time_limit";

    /// <summary><c>http_404</c>, <c>http_500</c>, …: a response status the crawl cannot use.</summary>
    public static string HttpStatus(int statusCode) => $"http_{statusCode}";
}
