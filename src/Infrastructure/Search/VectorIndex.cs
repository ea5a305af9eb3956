using System.Buffers;
using System.Numerics;
using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Search;

/// <summary>
/// Nearest-neighbour search over one bot's chunk embeddings by cosine similarity, in two passes that keep a query
/// well under the memory bandwidth a float scan needs (20,000 × 1,536 floats is 117 MiB per query):
/// <list type="number">
/// <item>every vector is kept as one sign bit per dimension (after removing the corpus mean, so the bits carry
/// information even when all embeddings lean the same way); a Hamming-distance scan with popcount picks a candidate
/// pool of <see cref="CandidatesPerResult"/> × limit (at least <see cref="MinimumCandidates"/>);</item>
/// <item>the candidates are re-ranked by their cosine with the float query, using an int8 copy of each unit vector with
/// its own scale (about 1/4 of the float size, cosine error around 10⁻⁴).</item>
/// </list>
/// Small indexes (at most the candidate pool) skip the first pass, so their ranking is exact up to int8 rounding.
/// Recall of the two passes against an exact float scan is measured in bench/ (docs/benchmarks.md).
/// </summary>
public sealed class VectorIndex
{
    public const int CandidatesPerResult = 20;
    public const int MinimumCandidates = 400;

    private readonly Guid[] _chunkIds;
    private readonly Guid[] _documentIds;
    private readonly sbyte[] _quantized;
    private readonly float[] _scales;
    private readonly ulong[] _signs;
    private readonly float[] _mean;
    private readonly int _signWords;

    private VectorIndex(Guid[] chunkIds, Guid[] documentIds, sbyte[] quantized, float[] scales, ulong[] signs, float[] mean, int dimensions)
    {
        _chunkIds = chunkIds;
        _documentIds = documentIds;
        _quantized = quantized;
        _scales = scales;
        _signs = signs;
        _mean = mean;
        _signWords = SignWords(dimensions);
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    public int Count => _chunkIds.Length;

    public long EstimatedBytes =>
        _quantized.LongLength + (long)_scales.Length * sizeof(float) + (long)_signs.Length * sizeof(ulong) + (long)_chunkIds.Length * 32;

    /// <summary>Indexes the chunks that have an embedding of the most common dimension (chunks embedded by another model are left out).</summary>
    public static VectorIndex Build(IReadOnlyCollection<EmbeddedChunk> chunks)
    {
        var dimensions = chunks.GroupBy(c => c.Embedding.Length).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key ?? 0;
        var usable = chunks.Where(c => c.Embedding.Length == dimensions && dimensions > 0).ToArray();

        var quantized = new sbyte[usable.Length * dimensions];
        var scales = new float[usable.Length];
        var mean = new float[dimensions];
        var unit = new float[dimensions];
        for (var i = 0; i < usable.Length; i++)
        {
            Normalize(usable[i].Embedding, unit);
            scales[i] = Quantize(unit, quantized.AsSpan(i * dimensions, dimensions));
            for (var d = 0; d < dimensions; d++)
            {
                mean[d] += unit[d] / usable.Length;
            }
        }

        var words = SignWords(dimensions);
        var signs = new ulong[usable.Length * words];
        for (var i = 0; i < usable.Length; i++)
        {
            Normalize(usable[i].Embedding, unit);
            SetSigns(unit, mean, signs.AsSpan(i * words, words));
        }

        return new VectorIndex([.. usable.Select(c => c.ChunkId)], [.. usable.Select(c => c.DocumentId)], quantized, scales, signs, mean, dimensions);
    }

    /// <summary>The most similar chunks, best first, ranked from 1; empty when the query's dimension does not match.</summary>
    public IReadOnlyList<VectorMatch> Search(float[] query, int limit)
    {
        if (Count == 0 || query.Length != Dimensions || limit <= 0)
        {
            return [];
        }

        var unit = new float[Dimensions];
        Normalize(query, unit);
        var pool = Math.Max(MinimumCandidates, limit * CandidatesPerResult);
        var candidates = ArrayPool<int>.Shared.Rent(Math.Min(pool, Count));
        try
        {
            var candidateCount = Count <= pool ? AllIndexes(candidates) : NearestBySigns(unit, pool, candidates);
            return Rerank(unit, candidates.AsSpan(0, candidateCount), limit);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(candidates);
        }
    }

    private int AllIndexes(int[] candidates)
    {
        for (var i = 0; i < Count; i++)
        {
            candidates[i] = i;
        }

        return Count;
    }

    /// <summary>Fills <paramref name="candidates"/> with the <paramref name="pool"/> vectors of smallest Hamming distance, in linear time.</summary>
    private int NearestBySigns(float[] unitQuery, int pool, int[] candidates)
    {
        Span<ulong> querySigns = stackalloc ulong[_signWords];
        SetSigns(unitQuery, _mean, querySigns);

        var distances = ArrayPool<ushort>.Shared.Rent(Count);
        var histogram = ArrayPool<int>.Shared.Rent(Dimensions + 1);
        try
        {
            Array.Clear(histogram, 0, Dimensions + 1);
            for (var i = 0; i < Count; i++)
            {
                var signs = _signs.AsSpan(i * _signWords, _signWords);
                var distance = 0;
                for (var w = 0; w < signs.Length; w++)
                {
                    distance += BitOperations.PopCount(signs[w] ^ querySigns[w]);
                }

                distances[i] = (ushort)distance;
                histogram[distance]++;
            }

            // The largest distance that still fits in the pool; ties at the cut-off fill the remaining places.
            var cutoff = 0;
            for (var below = 0; cutoff <= Dimensions && below + histogram[cutoff] < pool; cutoff++)
            {
                below += histogram[cutoff];
            }

            var count = 0;
            for (var i = 0; i < Count && count < pool; i++)
            {
                if (distances[i] < cutoff)
                {
                    candidates[count++] = i;
                }
            }

            for (var i = 0; i < Count && count < pool; i++)
            {
                if (distances[i] == cutoff)
                {
                    candidates[count++] = i;
                }
            }

            return count;
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(distances);
            ArrayPool<int>.Shared.Return(histogram);
        }
    }

    private List<VectorMatch> Rerank(float[] unitQuery, ReadOnlySpan<int> candidates, int limit)
    {
        var best = new PriorityQueue<int, float>(limit + 1);
        foreach (var i in candidates)
        {
            var score = Dot(unitQuery, _quantized.AsSpan(i * Dimensions, Dimensions)) * _scales[i];
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
            .Select((r, rank) => new VectorMatch(_chunkIds[r.Index], _documentIds[r.Index], Math.Round(Math.Clamp(r.Score, -1, 1), 6), rank + 1))];
    }

    private static int SignWords(int dimensions) => (dimensions + 63) / 64;

    private static void Normalize(float[] vector, Span<float> unit)
    {
        var norm = 0f;
        foreach (var v in vector)
        {
            norm += v * v;
        }

        norm = MathF.Sqrt(norm);
        for (var d = 0; d < vector.Length; d++)
        {
            unit[d] = norm > 0 ? vector[d] / norm : 0;
        }
    }

    /// <summary>Symmetric int8 quantisation with one scale per vector: value ≈ quantized × scale.</summary>
    private static float Quantize(ReadOnlySpan<float> unit, Span<sbyte> quantized)
    {
        var largest = 0f;
        foreach (var v in unit)
        {
            largest = MathF.Max(largest, MathF.Abs(v));
        }

        var step = largest > 0 ? largest / sbyte.MaxValue : 1f;
        var squares = 0f;
        for (var d = 0; d < unit.Length; d++)
        {
            quantized[d] = (sbyte)Math.Clamp(MathF.Round(unit[d] / step), -sbyte.MaxValue, sbyte.MaxValue);
            squares += quantized[d] * quantized[d];
        }

        // Scale the rounded vector back to unit length, so a score is the cosine with it (a vector scores 1 with itself).
        return squares > 0 ? 1f / MathF.Sqrt(squares) : 1f;
    }

    private static void SetSigns(ReadOnlySpan<float> unit, ReadOnlySpan<float> mean, Span<ulong> signs)
    {
        signs.Clear();
        for (var d = 0; d < unit.Length; d++)
        {
            if (unit[d] > mean[d])
            {
                signs[d >> 6] |= 1UL << (d & 63);
            }
        }
    }

    /// <summary>Dot product of a float vector with an int8 vector, widening the bytes to floats in SIMD registers.</summary>
    private static float Dot(ReadOnlySpan<float> query, ReadOnlySpan<sbyte> quantized)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        var width = Vector<sbyte>.Count;
        var floatsPerWidth = Vector<float>.Count;
        for (; i <= quantized.Length - width; i += width)
        {
            Vector.Widen(new Vector<sbyte>(quantized[i..]), out var low, out var high);
            Vector.Widen(low, out var a, out var b);
            Vector.Widen(high, out var c, out var d);
            sum += new Vector<float>(query[i..]) * Vector.ConvertToSingle(a);
            sum += new Vector<float>(query[(i + floatsPerWidth)..]) * Vector.ConvertToSingle(b);
            sum += new Vector<float>(query[(i + (2 * floatsPerWidth))..]) * Vector.ConvertToSingle(c);
            sum += new Vector<float>(query[(i + (3 * floatsPerWidth))..]) * Vector.ConvertToSingle(d);
        }

        var total = Vector.Sum(sum);
        for (; i < quantized.Length; i++)
        {
            total += query[i] * quantized[i];
        }

        return total;
    }
}

public sealed record EmbeddedChunk(Guid ChunkId, Guid DocumentId, float[] Embedding);
