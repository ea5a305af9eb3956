using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Jobs.Specifications;

/// <summary>The job the caller may see: it must belong to the caller's bot.</summary>
public sealed class BotJobOfBotSpec : Specification<BotJob>
{
    public BotJobOfBotSpec(Guid botId, Guid jobId)
    {
        Where(j => j.BotId == botId && j.Id == jobId);
        NoTracking();
    }
}

/// <summary>The bot's queued (or, when <paramref name="includeRunning"/>, queued or running) job of a kind.</summary>
public sealed class PendingBotJobSpec : Specification<BotJob>
{
    public PendingBotJobSpec(Guid botId, BotJobKind kind, bool includeRunning)
    {
        Where(j => j.BotId == botId && j.Kind == kind
            && (j.Status == BotJobStatus.Queued || (includeRunning && j.Status == BotJobStatus.Running)));
        OrderByAscending(j => j.CreatedAt);
        Page(0, 1);
    }
}

/// <summary>Jobs a worker may take now, the longest due first.</summary>
public sealed class ClaimableBotJobsSpec : Specification<BotJob>
{
    public ClaimableBotJobsSpec(DateTimeOffset now, int take)
    {
        Where(j => (j.Status == BotJobStatus.Queued && j.DueAt <= now) || (j.Status == BotJobStatus.Running && j.LeaseExpiresAt <= now));
        OrderByAscending(j => j.DueAt);
        Page(0, take);
    }
}

/// <summary>The bot's latest job of a kind that finished successfully.</summary>
public sealed class LastSucceededBotJobSpec : Specification<BotJob>
{
    public LastSucceededBotJobSpec(Guid botId, BotJobKind kind)
    {
        Where(j => j.BotId == botId && j.Kind == kind && j.Status == BotJobStatus.Succeeded);
        OrderByDescending(j => j.FinishedAt);
        Page(0, 1);
        NoTracking();
    }
}

/// <summary>A job by id, tracked, for the worker that runs it.</summary>
public sealed class BotJobByIdSpec : Specification<BotJob>
{
    public BotJobByIdSpec(Guid jobId) => Where(j => j.Id == jobId);
}

/// <summary>The jobs of the given kinds created since <paramref name="since"/> (to see which bots are due for a recurring job).</summary>
public sealed class RecentBotJobsSpec : Specification<BotJob>
{
    public RecentBotJobsSpec(IReadOnlyCollection<BotJobKind> kinds, DateTimeOffset since)
    {
        Where(j => kinds.Contains(j.Kind) && (j.CreatedAt >= since || j.Status == BotJobStatus.Queued || j.Status == BotJobStatus.Running));
        NoTracking();
    }
}
