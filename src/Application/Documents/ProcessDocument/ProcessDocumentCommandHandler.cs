using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Mediator;

namespace Chat9.Application.Documents.ProcessDocument;

public sealed class ProcessDocumentCommandHandler(
    IRepository<Document> documents,
    IDocumentContentStore contents,
    DocumentIngestion ingestion,
    ChunkEmbedder embedder,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<ProcessDocumentCommand, DocumentStatus?>
{
    public async ValueTask<DocumentStatus?> Handle(ProcessDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await documents.FirstOrDefaultAsync(new DocumentByIdSpec(command.DocumentId, withChunks: true), cancellationToken);
        if (document is null || document.Status != DocumentStatus.Processing || document.LeaseOwner != command.WorkerId)
        {
            return null;
        }

        var content = await contents.FindAsync(document.Id, cancellationToken);
        try
        {
            if (content is null)
            {
                throw new DocumentParseException(DocumentErrorCodes.ParseFailed, "The stored original of this document is missing.");
            }

            var result = await ingestion.AnalyzeAsync(document, content.Bytes, cancellationToken);
            var now = clock.GetUtcNow();
            var chunks = result.Chunks
                .Select((c, i) => new DocumentChunk(document.Id, document.BotId, i, c.Draft.Text, c.Draft.HeadingPath, c.Draft.Anchor, c.Draft.TokenCount, c.ContentHash))
                .ToList();
            // Embeddings are best effort here: without them the document is still searchable lexically, and the
            // ingestion worker fills them in later.
            await embedder.TryEmbedAsync(chunks, cancellationToken);
            document.CompleteProcessing(chunks, result.TextLength, result.Language, now);
            document.RecordHealth(result.Health, now);
        }
        catch (DocumentParseException ex)
        {
            document.FailProcessing(ex.Code, ex.Message, clock.GetUtcNow());
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Our lease expired and another worker took the document over; its result wins.
            return null;
        }

        return document.Status;
    }
}
