using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Mediator;

namespace Chat9.Application.Documents.ReindexDocument;

public sealed class ReindexDocumentCommandHandler(IRepository<Document> documents, IIngestionSignal ingestion, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ReindexDocumentCommand, DocumentDto>
{
    public async ValueTask<DocumentDto> Handle(ReindexDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await documents.GetOfBotAsync(command.BotId, command.DocumentId, cancellationToken);
        document.RequestReindex(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        ingestion.WorkQueued();
        return DocumentDto.From(document);
    }
}
