using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Documents;
using Microsoft.Extensions.Logging;

namespace Chat9.Application.Documents.Processing;

/// <summary>Gives chunks their embeddings when an embedding model is configured; a model failure leaves them for later.</summary>
public sealed class ChunkEmbedder(IEmbeddingModel embeddings, ILogger<ChunkEmbedder> logger)
{
    public bool IsEnabled => embeddings.IsConfigured;

    /// <summary>Embeds the chunks that have no embedding yet; returns how many got one.</summary>
    public async Task<int> TryEmbedAsync(IReadOnlyCollection<DocumentChunk> chunks, CancellationToken cancellationToken)
    {
        var missing = chunks.Where(c => c.Embedding is null).ToList();
        if (!embeddings.IsConfigured || missing.Count == 0)
        {
            return 0;
        }

        try
        {
            var vectors = await embeddings.EmbedAsync([.. missing.Select(c => c.Text)], cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                missing[i].SetEmbedding(vectors[i]);
            }

            return missing.Count;
        }
        catch (ModelUnavailableException ex)
        {
            logger.LogWarning("Embedding {Count} chunks failed ({Reason}); they stay lexical-only until the next attempt.", missing.Count, ex.Message);
            return 0;
        }
    }
}
