using Chat9.Domain.Documents;
using Chat9.Domain.Sources;

namespace Chat9.Application.Sources.Common;

/// <summary>A URL source as listed (management-api.md "URL sources").</summary>
public record UrlSourceDto(
    Guid Id,
    string Url,
    string Host,
    string Name,
    CrawlSchedule Schedule,
    IReadOnlyList<string> Exclusions,
    int MaxPages,
    UrlSourceStatus Status,
    int PageCount,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? NextRunAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static UrlSourceDto From(UrlSource s) => new(
        s.Id, s.Url, s.Host, s.Name, s.Schedule, [.. s.Exclusions], s.MaxPages, s.Status, s.PageCount,
        s.LastRunAt, s.NextRunAt, s.LastError, s.CreatedAt, s.UpdatedAt);
}

/// <summary><c>GET /documents/sources/{id}</c>: the source with its recent runs, current pages and excluded pages.</summary>
public sealed record UrlSourceDetailDto : UrlSourceDto
{
    public const int RecentRunCount = 10;

    private UrlSourceDetailDto(UrlSource s, IEnumerable<Document> pages)
        : base(From(s))
    {
        RecentRuns = [.. s.Runs.OrderByDescending(r => r.StartedAt).Take(RecentRunCount).Select(CrawlRunDto.From)];
        Pages = [.. pages.Select(p => new SourcePageDto(p.Id, p.SourceUrl ?? string.Empty, p.Filename, p.Status, p.UpdatedAt))];
        ExcludedPages = [.. s.ExcludedPages];
    }

    public IReadOnlyList<CrawlRunDto> RecentRuns { get; }

    public IReadOnlyList<SourcePageDto> Pages { get; }

    public IReadOnlyList<string> ExcludedPages { get; }

    public static UrlSourceDetailDto Of(UrlSource s, IEnumerable<Document> pages) => new(s, pages);
}

public sealed record CrawlRunDto(
    Guid Id,
    CrawlTrigger Trigger,
    CrawlRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int PagesFound,
    int PagesIndexed,
    int PagesUnchanged,
    int PagesRemoved,
    int PagesFailed,
    IReadOnlyList<FailedUrl> FailedUrls,
    bool LimitReached)
{
    public static CrawlRunDto From(CrawlRun r) => new(
        r.Id, r.Trigger, r.Status, r.StartedAt, r.FinishedAt, r.PagesFound, r.PagesIndexed, r.PagesUnchanged,
        r.PagesRemoved, r.PagesFailed, [.. r.FailedUrls], r.LimitReached);
}

public sealed record SourcePageDto(Guid DocumentId, string Url, string Title, DocumentStatus Status, DateTimeOffset LastFetchedAt);

/// <summary><c>POST /documents/sources/{id}/refresh</c>.</summary>
public sealed record RefreshAcceptedDto(Guid RunId);
