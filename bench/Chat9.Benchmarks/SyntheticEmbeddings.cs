namespace Chat9.Benchmarks;

/// <summary>
/// Embedding-like unit vectors: documents gather around topic centres (as chunks of one product's docs do), all share a
/// common direction (real embedding models are anisotropic), and queries are noisy neighbours of a document, so the
/// "true" nearest neighbours are meaningful and recall can be measured. Deterministic for a seed.
/// </summary>
public sealed class SyntheticEmbeddings(int dimensions, int seed)
{
    private const int Topics = 300;

    private readonly Random _random = new(seed);
    private float[]? _common;
    private float[][]? _topics;

    public float[][] Documents(int count)
    {
        _common ??= Gaussian(1f);
        _topics ??= [.. Enumerable.Range(0, Topics).Select(_ => Gaussian(1f))];
        return [.. Enumerable.Range(0, count).Select(_ => Unit(Mix((_common, 0.6f), (_topics[_random.Next(Topics)], 1f), (Gaussian(1f), 0.8f))))];
    }

    public float[][] Queries(float[][] documents, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Unit(Mix((documents[_random.Next(documents.Length)], 1f), (Unit(Gaussian(1f)), 0.7f))))];

    private float[] Gaussian(float sigma)
    {
        var v = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box–Muller
            var u1 = 1.0 - _random.NextDouble();
            var u2 = _random.NextDouble();
            v[i] = sigma * (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return v;
    }

    private float[] Mix(params (float[] Vector, float Weight)[] parts)
    {
        var unitParts = parts.Select(p => (Vector: Unit(p.Vector), p.Weight)).ToArray();
        var v = new float[dimensions];
        foreach (var (vector, weight) in unitParts)
        {
            for (var i = 0; i < dimensions; i++)
            {
                v[i] += weight * vector[i];
            }
        }

        return v;
    }

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}

/// <summary>The reference the index is measured against: an exact float32 dot-product scan over all vectors.</summary>
public sealed class ExactVectorScan
{
    private readonly float[] _vectors;
    private readonly int _dimensions;

    public ExactVectorScan(float[][] unitVectors)
    {
        _dimensions = unitVectors[0].Length;
        _vectors = new float[unitVectors.Length * _dimensions];
        for (var i = 0; i < unitVectors.Length; i++)
        {
            unitVectors[i].CopyTo(_vectors, i * _dimensions);
        }
    }

    public int[] Search(float[] unitQuery, int limit)
    {
        var best = new PriorityQueue<int, float>(limit + 1);
        var count = _vectors.Length / _dimensions;
        for (var i = 0; i < count; i++)
        {
            var score = Dot(unitQuery, _vectors.AsSpan(i * _dimensions, _dimensions));
            if (best.Count < limit)
            {
                best.Enqueue(i, score);
            }
            else if (best.TryPeek(out _, out var lowest) && score > lowest)
            {
                best.DequeueEnqueue(i, score);
            }
        }

        var result = new int[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = best.Dequeue();
        }

        return result;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - System.Numerics.Vector<float>.Count; i += System.Numerics.Vector<float>.Count)
        {
            sum += new System.Numerics.Vector<float>(a[i..]) * new System.Numerics.Vector<float>(b[i..]);
        }

        var total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
