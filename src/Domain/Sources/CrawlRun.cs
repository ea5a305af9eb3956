using Chat9.Domain.Common;

namespace Chat9.Domain.Sources;

/// <summary>One crawl of a URL source, with its counts. At most <see cref="MaxFailedUrls"/> failures are kept.</summary>
public sealed class CrawlRun : Entity
{
    public const int MaxFailedUrls = 50;

    private List<FailedUrl> _failedUrls = [];

    // For EF Core.
    private CrawlRun() { }

    internal CrawlRun(Guid id, Guid sourceId, CrawlTrigger trigger, DateTimeOffset now)
        : base(id)
    {
        SourceId = sourceId;
        Trigger = trigger;
        Status = CrawlRunStatus.Running;
        StartedAt = now;
    }

    public Guid SourceId { get; private set; }

    public CrawlTrigger Trigger { get; private set; }

    public CrawlRunStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int PagesFound { get; private set; }

    public int PagesIndexed { get; private set; }

    public int PagesUnchanged { get; private set; }

    public int PagesRemoved { get; private set; }

    public int PagesFailed { get; private set; }

    public IReadOnlyList<FailedUrl> FailedUrls => _failedUrls.AsReadOnly();

    public bool LimitReached { get; private set; }

    public void PageIndexed()
    {
        PagesFound++;
        PagesIndexed++;
    }

    public void PageUnchanged()
    {
        PagesFound++;
        PagesUnchanged++;
    }

    public void PageRemoved() => PagesRemoved++;

    public void PageFailed(string url, string reason)
    {
        PagesFailed++;
        if (_failedUrls.Count < MaxFailedUrls)
        {
            _failedUrls = [.. _failedUrls, new FailedUrl(url, reason)];
        }
    }

    /// <summary>The bot reached its item limit: this run adds no more pages.</summary>
    public void ReachedItemLimit()
    {
        PagesFound++;
        LimitReached = true;
    }

    internal void Finish(CrawlRunStatus status, DateTimeOffset now)
    {
        if (status == CrawlRunStatus.Running)
        {
            throw new DomainValidationException("status", "A finished run cannot be running.");
        }

        Status = status;
        FinishedAt = now;
    }
}
