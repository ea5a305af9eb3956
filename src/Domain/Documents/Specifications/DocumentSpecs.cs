using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Documents.Specifications;

public sealed class DocumentsOfBotSpec : Specification<Document>
{
    public DocumentsOfBotSpec(Guid botId) => Where(d => d.BotId == botId);
}
