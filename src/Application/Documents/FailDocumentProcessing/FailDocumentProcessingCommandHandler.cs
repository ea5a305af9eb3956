using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Mediator;

namespace Chat9.Application.Documents.FailDocumentProcessing;

public sealed class FailDocumentProcessingCommandHandler(IRepository<Document> documents, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<FailDocumentProcessingCommand, bool>
{
    public async ValueTask<bool> Handle(FailDocumentProcessingCommand command, CancellationToken cancellationToken)
    {
        var document = await documents.FirstOrDefaultAsync(new DocumentByIdSpec(command.DocumentId, withChunks: true), cancellationToken);
        if (document is null || document.Status != DocumentStatus.Processing || document.LeaseOwner != command.WorkerId)
        {
            return false;
        }

        document.FailProcessing(command.Code, command.Message, clock.GetUtcNow());
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }
}
