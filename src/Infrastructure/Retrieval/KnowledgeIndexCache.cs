using System.Collections.Concurrent;
using Chat9.Infrastructure.Search;

namespace Chat9.Infrastructure.Retrieval;

/// <summary>
/// This process's BM25 indexes, one per bot, each tagged with the knowledge version it was built from.
/// A stale entry is rebuilt once, by one caller, while other callers of that bot wait for it.
/// </summary>
public sealed class KnowledgeIndexCache
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _rebuildLocks = new();

    public async Task<BotIndex> GetAsync(Guid botId, long version, Func<CancellationToken, Task<BotIndex>> build, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(botId, out var entry) && entry.Version == version)
        {
            return entry.Index;
        }

        var rebuildLock = _rebuildLocks.GetOrAdd(botId, _ => new SemaphoreSlim(1, 1));
        await rebuildLock.WaitAsync(cancellationToken);
        try
        {
            if (_entries.TryGetValue(botId, out entry) && entry.Version == version)
            {
                return entry.Index;
            }

            var index = await build(cancellationToken);
            _entries[botId] = new Entry(version, index);
            return index;
        }
        finally
        {
            rebuildLock.Release();
        }
    }

    private sealed record Entry(long Version, BotIndex Index);
}

/// <summary>Both retrievers' indexes of one bot, built from the same knowledge version.</summary>
public sealed record BotIndex(Bm25Index Lexical, VectorIndex Vectors);
