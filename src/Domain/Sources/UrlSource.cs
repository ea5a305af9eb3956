using Chat9.Domain.Common;

namespace Chat9.Domain.Sources;

/// <summary>
/// A documentation website crawled into a bot's knowledge; each page becomes a <c>web_page</c> document. Like documents,
/// the row is also the work item: a queued or due source is claimed by a crawl worker under a lease.
/// </summary>
public sealed class UrlSource : Entity, IAggregateRoot
{
    public const int NameMaxChars = 200;

    private List<string> _exclusions = [];
    private List<string> _excludedPages = [];
    private readonly List<CrawlRun> _runs = [];

    // For EF Core.
    private UrlSource() { }

    private UrlSource(Guid id, Guid botId, Uri url, string name, CrawlSchedule schedule, int maxPages, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        Url = url.AbsoluteUri;
        Host = HostKey(url);
        Name = name;
        Schedule = schedule;
        MaxPages = maxPages;
        Status = UrlSourceStatus.Queued;
        PendingTrigger = CrawlTrigger.Initial;
        PendingRunId = Guid.CreateVersion7(now);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid BotId { get; private set; }

    public string Url { get; private set; } = null!;

    /// <summary>Host and port (<c>docs.acme.test</c>, <c>localhost:8080</c>): a bot has one source per host.</summary>
    public string Host { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public CrawlSchedule Schedule { get; private set; }

    public IReadOnlyList<string> Exclusions => _exclusions.AsReadOnly();

    public int MaxPages { get; private set; }

    public UrlSourceStatus Status { get; private set; }

    public int PageCount { get; private set; }

    public DateTimeOffset? LastRunAt { get; private set; }

    public DateTimeOffset? NextRunAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LastManualRefreshAt { get; private set; }

    /// <summary>Pages an operator removed; later crawls skip them.</summary>
    public IReadOnlyList<string> ExcludedPages => _excludedPages.AsReadOnly();

    /// <summary>The id the queued run will have (returned by the refresh endpoint before the run starts).</summary>
    public Guid? PendingRunId { get; private set; }

    /// <summary>Why the next run starts (set while <see cref="UrlSourceStatus.Queued"/>).</summary>
    public CrawlTrigger? PendingTrigger { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>Claims so far; a concurrency token, so two workers never run one source at once.</summary>
    public int ClaimCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<CrawlRun> Runs => _runs.AsReadOnly();

    public static string HostKey(Uri url) => url.IsDefaultPort ? url.Host.ToLowerInvariant() : $"{url.Host.ToLowerInvariant()}:{url.Port}";

    public static UrlSource Create(Guid botId, Uri url, string? name, CrawlSchedule schedule, IEnumerable<string> exclusions, int maxPages, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        if (!Text.IsHttpUrl(url.OriginalString, out _))
        {
            throw new DomainValidationException("url", "Must be an http or https URL without user info.");
        }

        var source = new UrlSource(Guid.CreateVersion7(now), botId, url, string.IsNullOrWhiteSpace(name) ? url.Host : name.Trim(), schedule, maxPages, now)
        {
            _exclusions = [.. exclusions],
        };
        return source;
    }

    public void Rename(string name, DateTimeOffset now)
    {
        Name = Guard.NotBlank(name, "name");
        UpdatedAt = now;
    }

    public void ChangeSchedule(CrawlSchedule schedule, DateTimeOffset now)
    {
        Schedule = schedule;
        NextRunAt = NextRunAfter(LastRunAt);
        UpdatedAt = now;
    }

    public void ChangeExclusions(IEnumerable<string> exclusions, DateTimeOffset now)
    {
        _exclusions = [.. exclusions];
        UpdatedAt = now;
    }

    public void ChangeMaxPages(int maxPages, DateTimeOffset now)
    {
        MaxPages = maxPages > 0 ? maxPages : throw new DomainValidationException("max_pages", "Must be at least 1.");
        UpdatedAt = now;
    }

    public void ChangeExcludedPages(IEnumerable<string> urls, DateTimeOffset now)
    {
        _excludedPages = [.. urls.Distinct(StringComparer.Ordinal)];
        UpdatedAt = now;
    }

    public void ExcludePage(string url, DateTimeOffset now)
    {
        if (!_excludedPages.Contains(url))
        {
            _excludedPages = [.. _excludedPages, url];
        }

        UpdatedAt = now;
    }

    /// <summary>Queues a manual run. Refused while a run is queued or active, and within <paramref name="cooldown"/> of the last manual one.</summary>
    public Guid RequestRefresh(DateTimeOffset now, TimeSpan cooldown)
    {
        if (Status is UrlSourceStatus.Queued or UrlSourceStatus.Crawling)
        {
            throw new DomainException("crawl_in_progress", "A crawl of this source is already queued or running.");
        }

        if (LastManualRefreshAt is { } last && now - last < cooldown)
        {
            throw new RefreshCooldownException(last + cooldown - now);
        }

        LastManualRefreshAt = now;
        Status = UrlSourceStatus.Queued;
        PendingTrigger = CrawlTrigger.Manual;
        PendingRunId = Guid.CreateVersion7(now);
        UpdatedAt = now;
        return PendingRunId.Value;
    }

    /// <summary>Whether a worker may run this source now: queued, due by its schedule, or crawling under an expired lease.</summary>
    public bool IsClaimable(DateTimeOffset now) =>
        Status == UrlSourceStatus.Queued
        || (Status is UrlSourceStatus.Ready or UrlSourceStatus.Error && NextRunAt <= now)
        || (Status == UrlSourceStatus.Crawling && LeaseExpiresAt <= now);

    /// <summary>Starts a run under a lease. A run left behind by a crashed worker is closed as failed first.</summary>
    public CrawlRun StartRun(string worker, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(now))
        {
            throw new DomainException("source_not_claimable", "The source is not waiting for a crawl.");
        }

        foreach (var abandoned in _runs.Where(r => r.Status == CrawlRunStatus.Running))
        {
            abandoned.PageFailed(Url, "worker_lost");
            abandoned.Finish(CrawlRunStatus.Failed, now);
        }

        var trigger = Status == UrlSourceStatus.Queued ? PendingTrigger ?? CrawlTrigger.Manual : CrawlTrigger.Scheduled;
        var run = new CrawlRun(PendingRunId ?? Guid.CreateVersion7(now), Id, trigger, now);
        _runs.Add(run);
        Status = UrlSourceStatus.Crawling;
        PendingTrigger = null;
        PendingRunId = null;
        LeaseOwner = Guard.NotBlank(worker, "worker");
        LeaseExpiresAt = now + lease;
        ClaimCount++;
        UpdatedAt = now;
        return run;
    }

    public void RenewLease(string worker, DateTimeOffset now, TimeSpan lease)
    {
        if (Status != UrlSourceStatus.Crawling || LeaseOwner != worker)
        {
            throw new DomainException("lease_lost", "Another worker has taken over this source.");
        }

        LeaseExpiresAt = now + lease;
    }

    /// <summary>Ends the active run; <paramref name="error"/> is set when the run failed.</summary>
    public void FinishRun(CrawlRun run, CrawlRunStatus status, int pageCount, string? error, DateTimeOffset now)
    {
        if (!_runs.Contains(run) || run.Status != CrawlRunStatus.Running)
        {
            throw new DomainException("run_not_active", "This run is not the source's active run.");
        }

        run.Finish(status, now);
        Status = status == CrawlRunStatus.Failed ? UrlSourceStatus.Error : UrlSourceStatus.Ready;
        LastError = status == CrawlRunStatus.Failed ? error ?? "The crawl failed." : null;
        PageCount = pageCount;
        LastRunAt = run.StartedAt;
        NextRunAt = NextRunAfter(run.StartedAt);
        LeaseOwner = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    public void UpdatePageCount(int pageCount, DateTimeOffset now)
    {
        PageCount = pageCount;
        UpdatedAt = now;
    }

    private DateTimeOffset? NextRunAfter(DateTimeOffset? lastStart) => (Schedule, lastStart) switch
    {
        (CrawlSchedule.Manual, _) or (_, null) => null,
        (CrawlSchedule.Daily, { } start) => start.AddDays(1),
        (_, { } start) => start.AddDays(7),
    };
}

/// <summary>A manual refresh came too soon after the previous one.</summary>
public sealed class RefreshCooldownException(TimeSpan retryAfter)
    : DomainException("refresh_cooldown", "This source was refreshed recently; try again later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
