using Chat9.Application.Documents.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Mediator;

namespace Chat9.Application.Documents.GetDocumentHealth;

public sealed class GetDocumentHealthQueryHandler(IReadRepository<Document> documents) : IQueryHandler<GetDocumentHealthQuery, DocumentHealthDto>
{
    public async ValueTask<DocumentHealthDto> Handle(GetDocumentHealthQuery query, CancellationToken cancellationToken)
    {
        var document = await documents.GetOfBotAsync(query.BotId, query.DocumentId, cancellationToken);
        DocumentLookup.EnsureReady(document);
        return DocumentHealthDto.From(document);
    }
}
