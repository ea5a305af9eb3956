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
    public async Task<IReadOnlyList<LexicalMatch>> SearchAsync(Guid botId, string query, int limit, CancellationToken cancellationToken)
    {
        // Version first, chunks second: a concurrent change can only make us rebuild once more, never cache stale chunks.
        var version = await KnowledgeVersion.ReadAsync(db, botId, cancellationToken);
        var index = await cache.GetAsync(botId, version, ct => BuildAsync(botId, ct), cancellationToken);
        return index.Search(query, limit);
    }

    private async Task<Bm25Index> BuildAsync(Guid botId, CancellationToken cancellationToken)
    {
        var chunks = await db.DocumentChunks.AsNoTracking()
            .Where(c => c.BotId == botId)
            .Join(db.Documents.AsNoTracking(), c => c.DocumentId, d => d.Id, (c, d) => new IndexedChunk(c.Id, c.DocumentId, c.Text, d.Language))
            .ToListAsync(cancellationToken);
        return Bm25Index.Build(chunks, analyzer);
    }
}
