using Chat9.Application.Documents.Processing;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Mediator;

namespace Chat9.Application.Documents.EmbedMissingChunks;

public sealed class EmbedMissingChunksCommandHandler(IRepository<Document> documents, ChunkEmbedder embedder, IUnitOfWork unitOfWork)
    : ICommandHandler<EmbedMissingChunksCommand, int>
{
    public async ValueTask<int> Handle(EmbedMissingChunksCommand command, CancellationToken cancellationToken)
    {
        if (!embedder.IsEnabled)
        {
            return 0;
        }

        var embedded = 0;
        foreach (var document in await documents.ListAsync(new DocumentsMissingEmbeddingsSpec(command.MaxDocuments), cancellationToken))
        {
            var count = await embedder.TryEmbedAsync(document.Chunks, cancellationToken);
            if (count == 0)
            {
                // The model is unavailable; try again on a later round.
                break;
            }

            embedded += count;
        }

        if (embedded > 0)
        {
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // A document was re-processed meanwhile; its fresh chunks get their turn next round.
                return 0;
            }
        }

        return embedded;
    }
}
