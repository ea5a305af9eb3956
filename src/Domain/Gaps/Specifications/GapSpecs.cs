using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Gaps.Specifications;

/// <summary>A gap of the caller's bot, tracked.</summary>
public sealed class GapOfBotSpec : Specification<Gap>
{
    public GapOfBotSpec(Guid botId, Guid gapId) => Where(g => g.BotId == botId && g.Id == gapId);
}

/// <summary>Every gap of a bot, tracked (a recalculation updates them).</summary>
public sealed class GapsOfBotSpec : Specification<Gap>
{
    public GapsOfBotSpec(Guid botId) => Where(g => g.BotId == botId);
}

/// <summary>A page of gaps: the largest first, then the most recently seen.</summary>
public sealed class GapListSpec : Specification<Gap>
{
    public GapListSpec(Guid botId, GapStatus? status, GapMode? mode, int skip, int take)
    {
        Where(g => g.BotId == botId);
        if (status is { } wanted)
        {
            Where(g => g.Status == wanted);
        }

        if (mode is { } wantedMode)
        {
            Where(g => g.Mode == wantedMode);
        }

        OrderByDescending(g => g.QuestionCount);
        OrderByDescending(g => g.LastSeen);
        OrderByDescending(g => g.Id);
        Page(skip, take);
        NoTracking();
    }
}
