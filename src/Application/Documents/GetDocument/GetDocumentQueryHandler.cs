using Chat9.Application.Documents.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Mediator;

namespace Chat9.Application.Documents.GetDocument;

public sealed class GetDocumentQueryHandler(IReadRepository<Document> documents) : IQueryHandler<GetDocumentQuery, DocumentDetailDto>
{
    public async ValueTask<DocumentDetailDto> Handle(GetDocumentQuery query, CancellationToken cancellationToken) =>
        DocumentDetailDto.Of(await documents.GetOfBotAsync(query.BotId, query.DocumentId, cancellationToken));
}
