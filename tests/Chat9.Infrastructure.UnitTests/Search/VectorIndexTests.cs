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
            Assert.That(matches[0].Score, Is.EqualTo(1 / Math.Sqrt(1.01)).Within(1e-5), "cosine, independent of the query's length");
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

    private static EmbeddedChunk Chunk(float[] vector) => new(Guid.NewGuid(), Document, Unit(vector));

    private static float[] Unit(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
