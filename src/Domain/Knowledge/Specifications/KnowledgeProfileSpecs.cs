using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Knowledge.Specifications;

public sealed class KnowledgeProfileOfBotSpec : Specification<KnowledgeProfile>
{
    /// <param name="tracked">Load it for a change (an edit or an extraction) rather than to read it.</param>
    public KnowledgeProfileOfBotSpec(Guid botId, bool tracked = false)
    {
        Where(p => p.BotId == botId);
        if (!tracked)
        {
            NoTracking();
        }
    }
}
