using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Common;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Mediator;

namespace Chat9.Application.Documents.RunDocumentHealthCheck;

public sealed class RunDocumentHealthCheckCommandHandler(
    IRepository<Document> documents,
    IDocumentContentStore contents,
    DocumentIngestion ingestion,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<RunDocumentHealthCheckCommand, DocumentHealthDto>
{
    public async ValueTask<DocumentHealthDto> Handle(RunDocumentHealthCheckCommand command, CancellationToken cancellationToken)
    {
        var document = await documents.GetOfBotAsync(command.BotId, command.DocumentId, cancellationToken);
        DocumentLookup.EnsureReady(document);
        var content = await contents.FindAsync(document.Id, cancellationToken)
            ?? throw new NotFoundException("not_found", "The stored original of this document is missing.");

        HealthReport report;
        try
        {
            report = (await ingestion.AnalyzeAsync(document, content.Bytes, cancellationToken)).Health;
        }
        catch (DocumentParseException ex)
        {
            report = HealthReport.From([new HealthWarning(DocumentErrorCodes.NoText, HealthSeverity.High, ex.Message)]);
        }

        document.RecordHealth(report, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return DocumentHealthDto.From(document);
    }
}
