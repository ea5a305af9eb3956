using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Knowledge.Specifications;

public sealed class KnowledgeProfileOfBotSpec : Specification<KnowledgeProfile>
{
    public KnowledgeProfileOfBotSpec(Guid botId)
    {
        Where(p => p.BotId == botId);
        NoTracking();
    }
}
