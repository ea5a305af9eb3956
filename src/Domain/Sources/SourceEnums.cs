namespace Chat9.Domain.Sources;

public enum CrawlSchedule
{
    Daily,
    Weekly,
    Manual,
}

public enum UrlSourceStatus
{
    Queued,
    Crawling,
    Ready,
    Error,
}

public enum CrawlTrigger
{
    Initial,
    Scheduled,
    Manual,
}

public enum CrawlRunStatus
{
    Running,
    Succeeded,
    Partial,
    Failed,
}

/// <summary>A URL a crawl run could not index, and why.</summary>
public sealed record FailedUrl(string Url, string Reason);
