using Chat9.Application.Common.Options;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Documents.RenewDocumentLease;

public sealed class RenewDocumentLeaseCommandHandler(
    IRepository<Document> documents,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IngestionOptions> options) : ICommandHandler<RenewDocumentLeaseCommand, bool>
{
    public async ValueTask<bool> Handle(RenewDocumentLeaseCommand command, CancellationToken cancellationToken)
    {
        var document = await documents.FirstOrDefaultAsync(new DocumentByIdSpec(command.DocumentId), cancellationToken);
        if (document is null || document.Status != DocumentStatus.Processing || document.LeaseOwner != command.WorkerId)
        {
            return false;
        }

        document.RenewLease(command.WorkerId, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return true;
    }
}
