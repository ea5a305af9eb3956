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

    public async Task<Bm25Index> GetAsync(Guid botId, long version, Func<CancellationToken, Task<Bm25Index>> build, CancellationToken cancellationToken)
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

    /// <summary>Indexes held in memory, for the benchmark's memory figures.</summary>
    public IReadOnlyCollection<Bm25Index> Indexes => [.. _entries.Values.Select(e => e.Index)];

    private sealed record Entry(long Version, Bm25Index Index);
}
