using Chat9.Application.Documents.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Mediator;

namespace Chat9.Application.Documents.DeleteDocument;

public sealed class DeleteDocumentCommandHandler(IRepository<Document> documents, IUnitOfWork unitOfWork) : ICommandHandler<DeleteDocumentCommand>
{
    public async ValueTask<Unit> Handle(DeleteDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await documents.GetOfBotAsync(command.BotId, command.DocumentId, cancellationToken, withChunks: true);
        document.MarkRemoved();
        documents.Remove(document);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
