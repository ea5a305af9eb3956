namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Search over one bot's chunks: BM25 always, and vector similarity when the query has an embedding and the bot's chunks
/// have theirs. The index follows the bot's knowledge version stored in the database, so every server instance sees a
/// deleted or re-indexed document disappear on its very next query.
/// </summary>
public interface IKnowledgeIndex
{
    Task<KnowledgeMatches> SearchAsync(Guid botId, string query, float[]? queryEmbedding, int limit, CancellationToken cancellationToken);
}

/// <summary>Each retriever's ranking; <see cref="Vector"/> is <c>null</c> when vector search did not run.</summary>
/// <see cref="IndexedChunks"/> is how many chunks the bot has in its index (0: nothing to answer from).
public sealed record KnowledgeMatches(IReadOnlyList<LexicalMatch> Lexical, double LexicalMs, IReadOnlyList<VectorMatch>? Vector, double? VectorMs, int IndexedChunks);

/// <summary>
/// One lexical candidate. <see cref="QueryCoverage"/> is the IDF-weighted share of the query's content terms that
/// occur in the chunk (0–1): the offline confidence signal of pipeline.md.
/// </summary>
public sealed record LexicalMatch(Guid ChunkId, Guid DocumentId, double Score, int Rank, double QueryCoverage);

/// <summary>One vector candidate: cosine similarity between the query and the chunk embeddings.</summary>
public sealed record VectorMatch(Guid ChunkId, Guid DocumentId, double Score, int Rank);
