using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Search;

/// <summary>A chunk scored for one query, before ranking.</summary>
internal readonly record struct ScoredChunk(Guid ChunkId, Guid DocumentId, double Score, double QueryCoverage);

/// <summary>
/// Keeps the best <c>capacity</c> candidates offered, in O(n log capacity) rather than sorting every matching chunk.
/// Higher scores rank first; equal scores are ordered by chunk id, so ranks never depend on build or insertion order.
/// </summary>
internal sealed class TopMatches(int capacity)
{
    private static readonly IComparer<ScoredChunk> ByStrength = Comparer<ScoredChunk>.Create(CompareStrength);

    // The heap's root is the weakest match kept: the one a better candidate replaces.
    private readonly PriorityQueue<ScoredChunk, ScoredChunk> _weakestFirst = new(ByStrength);

    public void Offer(ScoredChunk candidate)
    {
        if (_weakestFirst.Count < capacity)
        {
            _weakestFirst.Enqueue(candidate, candidate);
        }
        else if (CompareStrength(candidate, _weakestFirst.Peek()) > 0)
        {
            _weakestFirst.DequeueEnqueue(candidate, candidate);
        }
    }

    /// <summary>The kept candidates, best first, ranked from 1. Empties this instance.</summary>
    public IReadOnlyList<LexicalMatch> ToRankedMatches()
    {
        var matches = new LexicalMatch[_weakestFirst.Count];
        for (var i = matches.Length - 1; i >= 0; i--)
        {
            var chunk = _weakestFirst.Dequeue();
            matches[i] = new LexicalMatch(chunk.ChunkId, chunk.DocumentId, chunk.Score, i + 1, chunk.QueryCoverage);
        }

        return matches;
    }

    /// <returns>Positive when <paramref name="a"/> ranks above <paramref name="b"/>.</returns>
    private static int CompareStrength(ScoredChunk a, ScoredChunk b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : b.ChunkId.CompareTo(a.ChunkId);
    }
}
