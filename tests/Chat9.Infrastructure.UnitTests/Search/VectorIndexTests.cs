using Chat9.Infrastructure.Search;

namespace Chat9.Infrastructure.UnitTests.Search;

public sealed class VectorIndexTests
{
    private static readonly Guid Document = Guid.NewGuid();

    [Test]
    public void Search_RanksByCosineSimilarity_BestFirst()
    {
        var near = Chunk([1f, 0.1f, 0f]);
        var middle = Chunk([1f, 1f, 0f]);
        var far = Chunk([0f, 0f, 1f]);
        var index = VectorIndex.Build([far, near, middle]);

        var matches = index.Search([2f, 0f, 0f], limit: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(matches.Select(m => m.ChunkId), Is.EqualTo(new[] { near.ChunkId, middle.ChunkId, far.ChunkId }));
            Assert.That(matches.Select(m => m.Rank), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(matches[0].Score, Is.EqualTo(1 / Math.Sqrt(1.01)).Within(1e-3), "cosine (within int8 rounding), independent of the query's length");
            Assert.That(matches[2].Score, Is.EqualTo(0).Within(1e-6));
        }
    }

    [Test]
    public void Search_ReturnsAtMostLimit()
    {
        var index = VectorIndex.Build([.. Enumerable.Range(1, 50).Select(i => Chunk([i, 1f]))]);

        Assert.That(index.Search([1f, 1f], limit: 7), Has.Count.EqualTo(7));
    }

    [Test]
    public void ChunksOfAnotherDimension_AreLeftOut_AndAQueryOfAnotherDimensionFindsNothing()
    {
        var index = VectorIndex.Build([Chunk([1f, 0f]), Chunk([0f, 1f]), Chunk([1f, 0f, 0f])]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Dimensions, Is.EqualTo(2));
            Assert.That(index.Count, Is.EqualTo(2));
            Assert.That(index.Search([1f, 0f, 0f], 5), Is.Empty);
        }
    }

    [Test]
    public void AnEmptyIndex_FindsNothing() =>
        Assert.That(VectorIndex.Build([]).Search([1f], 5), Is.Empty);

    [Test]
    public void LongVectors_UseTheSimdPathAndTheTailCorrectly()
    {
        var query = Enumerable.Range(0, 1539).Select(i => (float)Math.Sin(i)).ToArray();
        var same = Chunk(Unit(query));
        var opposite = Chunk(Unit([.. query.Select(v => -v)]));

        var matches = VectorIndex.Build([opposite, same]).Search(query, 2);

        Assert.That(matches[0].ChunkId, Is.EqualTo(same.ChunkId));
        Assert.That(matches[0].Score, Is.EqualTo(1).Within(1e-4));
        Assert.That(matches[1].Score, Is.EqualTo(-1).Within(1e-4));
    }

    [Test]
    public void ALargeIndex_FindsWhatAnExactScanFinds_ThroughTheSignBitPass()
    {
        // More vectors than the candidate pool, so the sign-bit pass really filters; all vectors lean the same way
        // (a shared component), which is what the mean-centred signs are for.
        var random = new Random(11);
        var common = Gaussian(random, 384);
        var topics = Enumerable.Range(0, 40).Select(_ => Gaussian(random, 384)).ToArray();
        var chunks = Enumerable.Range(0, 4_000)
            .Select(i => Chunk(Add(Add(Scaled(common, 3f), topics[i % topics.Length]), Scaled(Gaussian(random, 384), 0.8f))))
            .ToArray();
        var index = VectorIndex.Build(chunks);
        Assert.That(chunks, Has.Length.GreaterThan(VectorIndex.MinimumCandidates * 4));

        var recalls = Enumerable.Range(0, 30).Select(_ =>
        {
            var query = Add(chunks[random.Next(chunks.Length)].Embedding, Scaled(Unit(Gaussian(random, 384)), 0.7f));
            var exact = chunks.OrderByDescending(c => Dot(c.Embedding, Unit(query))).Take(10).Select(c => c.ChunkId).ToHashSet();
            return index.Search(query, 10).Count(m => exact.Contains(m.ChunkId)) / 10.0;
        }).ToArray();

        Assert.That(recalls.Average(), Is.GreaterThanOrEqualTo(0.95), "recall@10 against an exact float scan");
    }

    [Test]
    public void Scores_AreCosinesWithinInt8Rounding()
    {
        var random = new Random(5);
        var chunks = Enumerable.Range(0, 50).Select(_ => Chunk(Gaussian(random, 256))).ToArray();
        var query = Gaussian(random, 256);

        var matches = VectorIndex.Build(chunks).Search(query, 50);

        foreach (var match in matches)
        {
            var exact = Dot(chunks.Single(c => c.ChunkId == match.ChunkId).Embedding, Unit(query));
            Assert.That(match.Score, Is.EqualTo(exact).Within(2e-3));
        }
    }

    private static float[] Gaussian(Random random, int dimensions) =>
        [.. Enumerable.Range(0, dimensions).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    private static float[] Add(float[] a, float[] b) => [.. a.Zip(b, (x, y) => x + y)];

    private static float[] Scaled(float[] a, float factor) => [.. a.Select(x => x * factor)];

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    private static EmbeddedChunk Chunk(float[] vector) => new(Guid.NewGuid(), Document, Unit(vector));

    private static float[] Unit(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
