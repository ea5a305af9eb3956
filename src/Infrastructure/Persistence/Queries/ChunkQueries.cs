using Chat9.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence.Queries;

public sealed class ChunkQueries(Chat9DbContext db) : IChunkQueries
{
    public async Task<int> CountDuplicatesAsync(Guid botId, Guid excludingDocumentId, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken)
    {
        if (contentHashes.Count == 0)
        {
            return 0;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        // Batches keep the IN list well under the providers' parameter limits.
        foreach (var batch in contentHashes.Chunk(500))
        {
            var hashes = await db.DocumentChunks
                .Where(c => c.BotId == botId && c.DocumentId != excludingDocumentId && batch.Contains(c.ContentHash))
                .Select(c => c.ContentHash)
                .Distinct()
                .ToListAsync(cancellationToken);
            found.UnionWith(hashes);
        }

        return found.Count;
    }

    public async Task<IReadOnlyList<ChunkDetails>> GetAsync(Guid botId, IReadOnlyList<Guid> chunkIds, CancellationToken cancellationToken)
    {
        if (chunkIds.Count == 0)
        {
            return [];
        }

        var rows = await db.DocumentChunks.AsNoTracking()
            .Where(c => c.BotId == botId && chunkIds.Contains(c.Id))
            .Join(db.Documents.AsNoTracking().Where(d => d.BotId == botId), c => c.DocumentId, d => d.Id, (c, d) => new { Chunk = c, d.Filename, d.SourceUrl })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Chunk.Id);
        return [.. chunkIds
            .Where(byId.ContainsKey)
            .Select(id => byId[id])
            .Select(r => new ChunkDetails(r.Chunk.Id, r.Chunk.DocumentId, r.Chunk.Ordinal, r.Filename, r.SourceUrl, r.Chunk.HeadingPath, r.Chunk.Anchor, r.Chunk.Text, r.Chunk.TokenCount))];
    }
}
