using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Faq.Specifications;

/// <summary>The approved FAQ entries of a bot: the ones that may answer in the chat (pipeline.md section 3).</summary>
public sealed class ApprovedFaqEntriesOfBotSpec : Specification<FaqEntry>
{
    public ApprovedFaqEntriesOfBotSpec(Guid botId)
    {
        Where(f => f.BotId == botId && f.Status == FaqStatus.Approved);
        NoTracking();
    }
}

/// <summary><c>GET /knowledge/faq</c>: a bot's visible entries (never the rejected ones), newest first.</summary>
public sealed class FaqListSpec : Specification<FaqEntry>
{
    public FaqListSpec(Guid botId, FaqStatus? status, FaqSource? source, int skip, int take)
    {
        Where(f => f.BotId == botId && f.Status != FaqStatus.Rejected);
        if (status is { } s)
        {
            Where(f => f.Status == s);
        }

        if (source is { } o)
        {
            Where(f => f.Source == o);
        }

        OrderByDescending(f => f.CreatedAt);
        OrderByDescending(f => f.Id);
        Page(skip, take);
        NoTracking();
    }
}

/// <summary>The candidates of a bot (optionally of one source), tracked for approve-all.</summary>
public sealed class FaqCandidatesSpec : Specification<FaqEntry>
{
    public FaqCandidatesSpec(Guid botId, FaqSource? source)
    {
        Where(f => f.BotId == botId && f.Status == FaqStatus.Candidate);
        if (source is { } o)
        {
            Where(f => f.Source == o);
        }
    }
}

/// <summary>A visible entry of a bot, tracked (rejected entries are gone for the API).</summary>
public sealed class FaqEntryOfBotSpec : Specification<FaqEntry>
{
    public FaqEntryOfBotSpec(Guid botId, Guid id) => Where(f => f.BotId == botId && f.Id == id && f.Status != FaqStatus.Rejected);
}

/// <summary>Every entry of a bot in any status, rejected ones included: what FAQ suggestions must never repeat.</summary>
public sealed class AllFaqEntriesOfBotSpec : Specification<FaqEntry>
{
    public AllFaqEntriesOfBotSpec(Guid botId)
    {
        Where(f => f.BotId == botId);
        NoTracking();
    }
}
