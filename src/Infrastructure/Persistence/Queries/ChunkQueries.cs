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

        // By primary key only: with the bot in the predicate SQLite's planner may pick the (BotId, …) index and read
        // every chunk of the bot. The bot is checked on the 20 rows instead; the embedding blob is never read.
        var rows = await db.DocumentChunks.AsNoTracking()
            .Where(c => chunkIds.Contains(c.Id))
            .Join(db.Documents.AsNoTracking(), c => c.DocumentId, d => d.Id, (c, d) => new
            {
                c.Id,
                c.BotId,
                c.DocumentId,
                c.Ordinal,
                HeadingPath = EF.Property<List<string>>(c, "_headingPath"),
                c.Anchor,
                c.Text,
                c.TokenCount,
                d.Filename,
                d.SourceUrl,
            })
            .ToListAsync(cancellationToken);
        rows.RemoveAll(r => r.BotId != botId);
        var byId = rows.ToDictionary(r => r.Id);
        return [.. chunkIds
            .Where(byId.ContainsKey)
            .Select(id => byId[id])
            .Select(r => new ChunkDetails(r.Id, r.DocumentId, r.Ordinal, r.Filename, r.SourceUrl, r.HeadingPath, r.Anchor, r.Text, r.TokenCount))];
    }
}
