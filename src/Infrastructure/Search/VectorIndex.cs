using System.Numerics;
using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Search;

/// <summary>
/// Exact nearest-neighbour search over one bot's chunk embeddings (unit vectors, so cosine is a dot product).
/// The vectors sit in one contiguous array; a query is a single SIMD pass, which is fast enough for the item limits of
/// a bot and needs no approximate index.
/// </summary>
public sealed class VectorIndex
{
    private readonly Guid[] _chunkIds;
    private readonly Guid[] _documentIds;
    private readonly float[] _vectors;

    private VectorIndex(Guid[] chunkIds, Guid[] documentIds, float[] vectors, int dimensions)
    {
        _chunkIds = chunkIds;
        _documentIds = documentIds;
        _vectors = vectors;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    public int Count => _chunkIds.Length;

    public long EstimatedBytes => (long)_vectors.Length * sizeof(float) + (long)_chunkIds.Length * 32;

    /// <summary>Indexes the chunks that have an embedding of the most common dimension (chunks embedded by another model are left out).</summary>
    public static VectorIndex Build(IReadOnlyCollection<EmbeddedChunk> chunks)
    {
        var dimensions = chunks.GroupBy(c => c.Embedding.Length).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key ?? 0;
        var usable = chunks.Where(c => c.Embedding.Length == dimensions && dimensions > 0).ToArray();
        var vectors = new float[usable.Length * dimensions];
        for (var i = 0; i < usable.Length; i++)
        {
            usable[i].Embedding.CopyTo(vectors, i * dimensions);
        }

        return new VectorIndex([.. usable.Select(c => c.ChunkId)], [.. usable.Select(c => c.DocumentId)], vectors, dimensions);
    }

    /// <summary>The most similar chunks, best first, ranked from 1; empty when the query's dimension does not match.</summary>
    public IReadOnlyList<VectorMatch> Search(float[] query, int limit)
    {
        if (Count == 0 || query.Length != Dimensions || limit <= 0)
        {
            return [];
        }

        var unit = Normalize(query);
        var best = new PriorityQueue<int, float>(limit + 1);
        for (var i = 0; i < Count; i++)
        {
            var score = Dot(unit, _vectors.AsSpan(i * Dimensions, Dimensions));
            if (best.Count < limit)
            {
                best.Enqueue(i, score);
            }
            else if (best.TryPeek(out _, out var lowest) && score > lowest)
            {
                best.DequeueEnqueue(i, score);
            }
        }

        var ranked = new List<(int Index, float Score)>(best.Count);
        while (best.TryDequeue(out var index, out var score))
        {
            ranked.Add((index, score));
        }

        return [.. ranked
            .OrderByDescending(r => r.Score).ThenBy(r => _chunkIds[r.Index])
            .Select((r, rank) => new VectorMatch(_chunkIds[r.Index], _documentIds[r.Index], Math.Round(r.Score, 6), rank + 1))];
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        return norm > 0 ? [.. vector.Select(v => v / norm)] : vector;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}

public sealed record EmbeddedChunk(Guid ChunkId, Guid DocumentId, float[] Embedding);
