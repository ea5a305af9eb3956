namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Lexical (BM25) search over one bot's chunks. The index follows the bot's knowledge version stored in the database,
/// so every server instance sees a deleted or re-indexed document disappear on its very next query.
/// </summary>
public interface IKnowledgeIndex
{
    Task<IReadOnlyList<LexicalMatch>> SearchAsync(Guid botId, string query, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// One lexical candidate. <see cref="QueryCoverage"/> is the IDF-weighted share of the query's content terms that
/// occur in the chunk (0–1): the offline confidence signal of pipeline.md.
/// </summary>
public sealed record LexicalMatch(Guid ChunkId, Guid DocumentId, double Score, int Rank, double QueryCoverage);
