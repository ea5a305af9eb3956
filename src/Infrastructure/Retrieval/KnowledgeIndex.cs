using System.Diagnostics;
using Chat9.Application.Common.Interfaces;
using Chat9.Infrastructure.Persistence;
using Chat9.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Retrieval;

/// <summary>
/// Lexical search of one bot. Each query first reads the bot's knowledge version (one indexed row); when it moved,
/// the bot's index is rebuilt from the database, so every instance reflects deletions and re-indexing at once.
/// </summary>
public sealed class KnowledgeIndex(Chat9DbContext db, KnowledgeIndexCache cache, TextAnalyzer analyzer) : IKnowledgeIndex
{
    public async Task<KnowledgeMatches> SearchAsync(Guid botId, string query, float[]? queryEmbedding, int limit, CancellationToken cancellationToken)
    {
        // Version first, chunks second: a concurrent change can only make us rebuild once more, never cache stale chunks.
        var version = await KnowledgeVersion.ReadAsync(db, botId, cancellationToken);
        var index = await cache.GetAsync(botId, version, ct => BuildAsync(botId, ct), cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var lexical = index.Lexical.Search(query, limit);
        var lexicalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (queryEmbedding is null || index.Vectors.Count == 0)
        {
            return new KnowledgeMatches(lexical, lexicalMs, null, null, index.Lexical.ChunkCount);
        }

        started = Stopwatch.GetTimestamp();
        var vector = index.Vectors.Search(queryEmbedding, limit);
        return new KnowledgeMatches(lexical, lexicalMs, vector, Stopwatch.GetElapsedTime(started).TotalMilliseconds, index.Lexical.ChunkCount);
    }

    private async Task<BotIndex> BuildAsync(Guid botId, CancellationToken cancellationToken)
    {
        var chunks = await db.DocumentChunks.AsNoTracking()
            .Where(c => c.BotId == botId)
            .Join(db.Documents.AsNoTracking(), c => c.DocumentId, d => d.Id, (c, d) => new { c.Id, c.DocumentId, c.Text, d.Language, c.Embedding })
            .ToListAsync(cancellationToken);
        return new BotIndex(
            Bm25Index.Build(chunks.Select(c => new IndexedChunk(c.Id, c.DocumentId, c.Text, c.Language)), analyzer),
            VectorIndex.Build([.. chunks.Where(c => c.Embedding is not null).Select(c => new EmbeddedChunk(c.Id, c.DocumentId, c.Embedding!))]));
    }
}
