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
