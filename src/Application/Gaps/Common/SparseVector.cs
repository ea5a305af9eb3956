namespace Chat9.Application.Gaps.Common;

/// <summary>A unit-length vector stored as its non-zero entries in index order: a TF-IDF question vector, or an embedding.</summary>
public sealed class SparseVector
{
    public static readonly SparseVector Empty = new([], []);

    private SparseVector(int[] indices, double[] values)
    {
        Indices = indices;
        Values = values;
    }

    public int[] Indices { get; }

    public double[] Values { get; }

    public bool IsEmpty => Indices.Length == 0;

    /// <summary>The weights scaled to length 1 (empty when all are zero).</summary>
    public static SparseVector Normalized(IEnumerable<KeyValuePair<int, double>> weights)
    {
        var entries = weights.Where(w => w.Value != 0 && double.IsFinite(w.Value)).OrderBy(w => w.Key).ToArray();
        var length = Math.Sqrt(entries.Sum(w => w.Value * w.Value));
        return length == 0
            ? Empty
            : new SparseVector([.. entries.Select(w => w.Key)], [.. entries.Select(w => w.Value / length)]);
    }

    public static SparseVector FromDense(IReadOnlyList<float> values) =>
        Normalized(values.Select((value, index) => new KeyValuePair<int, double>(index, value)));

    /// <summary>The cosine similarity of two unit vectors.</summary>
    public double Cosine(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            var compare = Indices[i].CompareTo(other.Indices[j]);
            if (compare == 0)
            {
                sum += Values[i++] * other.Values[j++];
            }
            else if (compare < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>The normalized mean of unit vectors: the direction of a cluster.</summary>
    public static SparseVector Centroid(IEnumerable<SparseVector> vectors)
    {
        var sum = new Dictionary<int, double>();
        foreach (var vector in vectors)
        {
            for (var k = 0; k < vector.Indices.Length; k++)
            {
                sum[vector.Indices[k]] = sum.GetValueOrDefault(vector.Indices[k]) + vector.Values[k];
            }
        }

        return Normalized(sum);
    }
}
