using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Documents.Specifications;

/// <summary>A bot's searchable documents (without chunks), oldest first: what its knowledge profile and FAQ suggestions are made from.</summary>
public sealed class ReadyDocumentsOfBotSpec : Specification<Document>
{
    public ReadyDocumentsOfBotSpec(Guid botId)
    {
        Where(d => d.BotId == botId && d.Status == DocumentStatus.Ready);
        OrderByAscending(d => d.CreatedAt);
        OrderByAscending(d => d.Id);
        NoTracking();
    }
}
