namespace Chat9.Application.Gaps.Common;

/// <summary>
/// Groups unit vectors whose similarity reaches a threshold. Each vector, oldest first, joins the cluster whose
/// centroid it is closest to when that similarity reaches the threshold, else starts a cluster; then clusters whose
/// centroids drifted together are merged. Deterministic for a given order.
/// </summary>
public static class CentroidClustering
{
    public static IReadOnlyList<IReadOnlyList<int>> Cluster(IReadOnlyList<SparseVector> vectors, double threshold)
    {
        var clusters = new List<(List<int> Members, SparseVector Centroid)>();
        var sums = new List<Dictionary<int, double>>();
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].IsEmpty)
            {
                continue;
            }

            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var c = 0; c < clusters.Count; c++)
            {
                var score = vectors[i].Cosine(clusters[c].Centroid);
                if (score > bestScore)
                {
                    (best, bestScore) = (c, score);
                }
            }

            if (best >= 0 && bestScore >= threshold)
            {
                // A running sum keeps adding a question to a large cluster as cheap as to a small one.
                var members = clusters[best].Members;
                members.Add(i);
                Accumulate(sums[best], vectors[i]);
                clusters[best] = (members, SparseVector.Normalized(sums[best]));
            }
            else
            {
                clusters.Add(([i], vectors[i]));
                sums.Add(Accumulate([], vectors[i]));
            }
        }

        // Only clusters that already hold several questions: merging singletons would be the first pass again.
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var a = 0; a < clusters.Count && !merged; a++)
            {
                for (var b = a + 1; b < clusters.Count && !merged; b++)
                {
                    if (clusters[a].Members.Count > 1 && clusters[b].Members.Count > 1
                        && clusters[a].Centroid.Cosine(clusters[b].Centroid) >= threshold)
                    {
                        var members = clusters[a].Members.Concat(clusters[b].Members).Order().ToList();
                        foreach (var (index, value) in sums[b])
                        {
                            sums[a][index] = sums[a].GetValueOrDefault(index) + value;
                        }

                        clusters[a] = (members, SparseVector.Normalized(sums[a]));
                        clusters.RemoveAt(b);
                        sums.RemoveAt(b);
                        merged = true;
                    }
                }
            }
        }

        return [.. clusters.Select(c => (IReadOnlyList<int>)c.Members)];
    }

    private static Dictionary<int, double> Accumulate(Dictionary<int, double> sum, SparseVector vector)
    {
        for (var k = 0; k < vector.Indices.Length; k++)
        {
            sum[vector.Indices[k]] = sum.GetValueOrDefault(vector.Indices[k]) + vector.Values[k];
        }

        return sum;
    }

    /// <summary>The member closest to the centroid of <paramref name="members"/> (the first of equals).</summary>
    public static int Medoid(IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> members)
    {
        var centroid = SparseVector.Centroid(members.Select(m => vectors[m]));
        return members.MaxBy(m => vectors[m].Cosine(centroid));
    }
}
