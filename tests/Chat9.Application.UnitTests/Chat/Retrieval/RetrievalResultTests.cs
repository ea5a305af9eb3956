using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.UnitTests.Chat.Retrieval;

public sealed class RetrievalResultTests
{
    [Test]
    public void WithoutTextOutsideContext_KeepsTheContextsText_AndEveryCandidatesIdsNamesAndScores()
    {
        var inContext = Candidate(1, "How to export notes.", inContext: true);
        var outside = Candidate(2, "Billing and plans.", inContext: false);
        var result = new RetrievalResult(RetrievalMode.Lexical, "export", 0.8, 0.35, [inContext, outside], 2, null, new RetrievalTimings(1, 1, null, 0));

        var trimmed = result.WithoutTextOutsideContext();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(trimmed.Chunks.Select(c => c.Chunk.Text), Is.EqualTo(new[] { "How to export notes.", string.Empty }));
            Assert.That(trimmed.Chunks[1] with { Chunk = outside.Chunk }, Is.EqualTo(outside), "only the text changes");
            Assert.That(trimmed.Chunks[1].Chunk with { Text = outside.Chunk.Text }, Is.EqualTo(outside.Chunk));
            Assert.That(trimmed with { Chunks = result.Chunks }, Is.EqualTo(result));
            Assert.That(result.Chunks[1].Chunk.Text, Is.EqualTo("Billing and plans."), "the original is not changed");
        }
    }

    private static RetrievedChunk Candidate(int rank, string text, bool inContext) => new(
        rank,
        new ChunkDetails(Guid.NewGuid(), Guid.NewGuid(), rank, $"doc-{rank}.md", null, ["Heading"], null, text, 5),
        LexicalScore: 1.0 / rank, LexicalRank: rank, VectorScore: null, VectorRank: null, FusedScore: 0.5 / rank, InContext: inContext, QueryCoverage: 0.5);
}
