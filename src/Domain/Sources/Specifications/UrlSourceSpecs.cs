using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Sources.Specifications;

public sealed class UrlSourceOfBotSpec : Specification<UrlSource>
{
    public UrlSourceOfBotSpec(Guid botId, Guid sourceId, bool withRuns = false)
    {
        Where(s => s.BotId == botId && s.Id == sourceId);
        if (withRuns)
        {
            Include(s => s.Runs);
        }
    }
}

public sealed class UrlSourceByIdSpec : Specification<UrlSource>
{
    public UrlSourceByIdSpec(Guid sourceId)
    {
        Where(s => s.Id == sourceId);
        Include(s => s.Runs);
    }
}

public sealed class UrlSourceOfBotForHostSpec : Specification<UrlSource>
{
    public UrlSourceOfBotForHostSpec(Guid botId, string host) => Where(s => s.BotId == botId && s.Host == host);
}

public sealed class UrlSourceListSpec : Specification<UrlSource>
{
    public UrlSourceListSpec(Guid botId, int skip, int take)
    {
        Where(s => s.BotId == botId);
        OrderByDescending(s => s.CreatedAt);
        OrderByDescending(s => s.Id);
        Page(skip, take);
        NoTracking();
    }
}

/// <summary>Sources a crawl worker may run now (queued, due, or abandoned), oldest change first.</summary>
public sealed class ClaimableUrlSourcesSpec : Specification<UrlSource>
{
    public ClaimableUrlSourcesSpec(DateTimeOffset now)
    {
        Where(s => s.Status == UrlSourceStatus.Queued
            || ((s.Status == UrlSourceStatus.Ready || s.Status == UrlSourceStatus.Error) && s.NextRunAt <= now)
            || (s.Status == UrlSourceStatus.Crawling && s.LeaseExpiresAt <= now));
        OrderByAscending(s => s.UpdatedAt);
        Include(s => s.Runs);
        Page(0, 1);
    }
}
