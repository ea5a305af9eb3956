using Chat9.Application.Common.Options;
using Chat9.Application.Documents.ClaimNextDocument;
using Chat9.Application.Documents.EmbedMissingChunks;
using Chat9.Application.Documents.FailDocumentProcessing;
using Chat9.Application.Documents.Processing;
using Chat9.Application.Documents.ProcessDocument;
using Chat9.Application.Documents.RenewDocumentLease;
using Chat9.Infrastructure.BackgroundWork;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Documents.Ingestion;

/// <summary>
/// Works the document queue (the Documents table): parse, chunk, index, health-check. A document that runs past the
/// processing timeout ends in <c>error</c> <c>processing_timeout</c>.
/// </summary>
public sealed class DocumentIngestionWorker(
    IServiceScopeFactory scopes,
    IngestionSignal signal,
    IOptions<IngestionOptions> ingestion,
    IOptions<LimitsOptions> limits,
    ILogger<DocumentIngestionWorker> logger) : LeasedQueueWorker<ClaimedDocument>(scopes, signal, logger)
{
    protected override int Workers => ingestion.Value.Workers;

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(ingestion.Value.PollSeconds);

    protected override TimeSpan Lease => TimeSpan.FromSeconds(ingestion.Value.LeaseSeconds);

    protected override TimeSpan TimeLimit => TimeSpan.FromMinutes(limits.Value.ProcessingTimeoutMinutes);

    protected override ICommand<ClaimedDocument?> Claim(string workerId) => new ClaimNextDocumentCommand(workerId);

    protected override ICommand<bool> Renew(ClaimedDocument claim, string workerId) => new RenewDocumentLeaseCommand(claim.DocumentId, workerId);

    protected override async Task WorkAsync(ISender sender, ClaimedDocument claim, string workerId, CancellationToken cancellationToken)
    {
        var status = await sender.Send(new ProcessDocumentCommand(claim.DocumentId, workerId), cancellationToken);
        logger.LogInformation("Document {DocumentId} processed: {Status}", claim.DocumentId, status?.ToString() ?? "claim lost");
    }

    /// <summary>With the queue empty, fill in embeddings that ingestion could not get.</summary>
    protected override async Task IdleAsync(ISender sender, CancellationToken cancellationToken) =>
        await sender.Send(new EmbedMissingChunksCommand(MaxDocuments: 4), cancellationToken);

    protected override async Task TimedOutAsync(ISender sender, ClaimedDocument claim, string workerId, CancellationToken cancellationToken) =>
        await sender.Send(new FailDocumentProcessingCommand(claim.DocumentId, workerId, DocumentErrorCodes.ProcessingTimeout,
            $"Processing took longer than {TimeLimit.TotalMinutes:0} minutes."), cancellationToken);
}
