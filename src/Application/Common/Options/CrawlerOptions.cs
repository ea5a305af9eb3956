namespace Chat9.Application.Common.Options;

/// <summary>Configuration section <c>Crawler</c> (limits.md).</summary>
public sealed class CrawlerOptions
{
    public const string SectionName = "Crawler";

    public string UserAgent { get; set; } = "Chat9Bot";

    public int RequestTimeoutSeconds { get; set; } = 10;

    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    public int MaxConcurrency { get; set; } = 2;

    public int MaxRunMinutes { get; set; } = 30;

    public int MaxCrawlDelaySeconds { get; set; } = 10;

    public int MaxSitemaps { get; set; } = 20;
}

/// <summary>Configuration section <c>Network</c>: which outbound targets the crawler and webhooks may reach.</summary>
public sealed class NetworkOptions
{
    public const string SectionName = "Network";

    public bool AllowLoopback { get; set; }

    public bool AllowPrivateNetworks { get; set; }

    /// <summary>IPs and CIDR ranges whose <c>X-Forwarded-For</c> is believed (widget issue).</summary>
    public List<string> TrustedProxies { get; set; } = [];
}
