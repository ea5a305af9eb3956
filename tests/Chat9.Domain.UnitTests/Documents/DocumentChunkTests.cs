using Chat9.Domain.Common;
using Chat9.Domain.Documents;

namespace Chat9.Domain.UnitTests.Documents;

public sealed class DocumentChunkTests
{
    private static DocumentChunk Chunk() => new(Guid.NewGuid(), Guid.NewGuid(), 0, "text", [], null, 1, "hash");

    [Test]
    public void SetEmbedding_StoresAUnitVector()
    {
        var chunk = Chunk();

        chunk.SetEmbedding([3f, 4f]);

        Assert.That(chunk.Embedding, Is.EqualTo(new[] { 0.6f, 0.8f }).Within(1e-6f));
    }

    [TestCase(new float[0])]
    [TestCase(new[] { 0f, 0f })]
    [TestCase(new[] { float.NaN, 1f })]
    [TestCase(new[] { float.PositiveInfinity, 1f })]
    public void SetEmbedding_WithoutAUsableDirection_Throws(float[] embedding)
    {
        var chunk = Chunk();

        Assert.That(() => chunk.SetEmbedding(embedding), Throws.TypeOf<DomainValidationException>());
        Assert.That(chunk.Embedding, Is.Null);
    }
}
