using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Documents.ClaimNextDocument;

public sealed class ClaimNextDocumentCommandHandler(
    IRepository<Document> documents,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IngestionOptions> options) : ICommandHandler<ClaimNextDocumentCommand, ClaimedDocument?>
{
    public async ValueTask<ClaimedDocument?> Handle(ClaimNextDocumentCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidate = (await documents.ListAsync(new ClaimableDocumentsSpec(now, take: 1), cancellationToken)).FirstOrDefault();
        if (candidate is null)
        {
            return null;
        }

        var ingestion = options.Value;
        var poisoned = candidate.ProcessingAttempts >= ingestion.MaxAttempts;
        candidate.Claim(command.WorkerId, now, TimeSpan.FromSeconds(ingestion.LeaseSeconds));
        if (poisoned)
        {
            // Every earlier attempt ended without a result (the worker crashed or was stopped): stop retrying.
            candidate.FailProcessing(DocumentErrorCodes.ProcessingFailed, $"Processing stopped after {ingestion.MaxAttempts} attempts without finishing.", now);
        }

        try
        {
            // The attempt counter is a concurrency token: of two workers claiming the same row, one save fails.
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        return poisoned ? null : new ClaimedDocument(candidate.Id, candidate.BotId);
    }
}
