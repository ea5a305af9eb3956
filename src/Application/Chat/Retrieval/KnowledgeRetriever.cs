using System.Diagnostics;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Chat.Retrieval;

/// <summary>
/// Stage 4 of the answer pipeline (pipeline.md): finds a bot's candidate chunks with BM25 and, when an embedding model
/// is configured, vector similarity; fuses the rankings with reciprocal rank fusion; picks the context within the
/// token and chunk budget; and computes the confidence. If the query cannot be embedded, the turn is lexical only.
/// </summary>
public sealed class KnowledgeRetriever(
    IKnowledgeIndex index,
    IChunkQueries chunks,
    IEmbeddingModel embeddings,
    ITokenCounter tokens,
    IOptions<LimitsOptions> options,
    ILogger<KnowledgeRetriever> logger)
{
    /// <summary>Follow-ups shorter than this carry the previous question along ("and the reset time?").</summary>
    private const int ShortFollowUpWords = 6;

    /// <param name="redactForModel">Applied to the query before it leaves for the embedding model (PII redaction).</param>
    public async Task<RetrievalResult> RetrieveAsync(
        Bot bot, string question, string? previousQuestion, CancellationToken cancellationToken, Func<string, string>? redactForModel = null)
    {
        var limits = options.Value;
        var total = Stopwatch.StartNew();
        var query = BuildQuery(question, previousQuestion);

        var embedding = Stopwatch.StartNew();
        // Redacted only when it really leaves for a model: offline turns neither redact nor count redactions.
        var embeddedQuery = embeddings.IsConfigured && redactForModel is not null ? redactForModel(query) : query;
        var queryVector = await EmbedQueryAsync(embeddedQuery, cancellationToken);
        embedding.Stop();
        var embeddingUsage = queryVector is null ? null
            : new ModelUsage(embeddings.ModelName ?? "embedding", "embedding", tokens.CountTokens(embeddedQuery), 0);
        var matches = await index.SearchAsync(bot.Id, query, queryVector, limits.RetrievalCandidates, cancellationToken);

        var fusion = Stopwatch.StartNew();
        var candidates = Fuse(matches, limits.RrfK);
        var details = (await chunks.GetAsync(bot.Id, [.. candidates.Select(c => c.ChunkId)], cancellationToken)).ToDictionary(d => d.ChunkId);
        var retrieved = new List<RetrievedChunk>();
        var contextTokens = 0;
        var contextChunks = 0;
        foreach (var candidate in candidates)
        {
            if (!details.TryGetValue(candidate.ChunkId, out var chunk))
            {
                // Deleted between the index read and the detail read.
                continue;
            }

            var inContext = contextChunks < limits.ContextMaxChunks && contextTokens + chunk.TokenCount <= limits.ContextMaxTokens;
            if (inContext)
            {
                contextChunks++;
                contextTokens += chunk.TokenCount;
            }

            retrieved.Add(candidate with { Rank = retrieved.Count + 1, Chunk = chunk, InContext = inContext });
        }

        fusion.Stop();
        var hybrid = matches.Vector is not null;
        var confidence = Confidence(retrieved, hybrid);
        var threshold = bot.Answering.LowConfidenceThreshold
            ?? (hybrid ? limits.LowConfidenceThresholdVector : limits.LowConfidenceThresholdLexical);
        total.Stop();
        return new RetrievalResult(
            hybrid ? RetrievalMode.Hybrid : RetrievalMode.Lexical,
            query,
            confidence,
            threshold,
            retrieved,
            matches.IndexedChunks,
            embeddingUsage,
            new RetrievalTimings(
                total.Elapsed.TotalMilliseconds,
                matches.LexicalMs,
                hybrid ? embedding.Elapsed.TotalMilliseconds + matches.VectorMs : null,
                fusion.Elapsed.TotalMilliseconds));
    }

    private async Task<float[]?> EmbedQueryAsync(string query, CancellationToken cancellationToken)
    {
        if (!embeddings.IsConfigured)
        {
            return null;
        }

        try
        {
            return (await embeddings.EmbedAsync([query], cancellationToken))[0];
        }
        catch (ModelUnavailableException ex)
        {
            logger.LogWarning("Query embedding failed ({Reason}); this turn uses lexical retrieval only.", ex.Message);
            return null;
        }
    }

    /// <summary>Reciprocal rank fusion of the retrievers' top lists: <c>Σ 1 / (k + rank)</c>.</summary>
    private static List<RetrievedChunk> Fuse(KnowledgeMatches matches, int k)
    {
        var byChunk = new Dictionary<Guid, RetrievedChunk>();
        foreach (var match in matches.Lexical)
        {
            byChunk[match.ChunkId] = new RetrievedChunk(0, Unloaded(match.ChunkId, match.DocumentId), match.Score, match.Rank, null, null, 1.0 / (k + match.Rank), false, match.QueryCoverage);
        }

        foreach (var match in matches.Vector ?? [])
        {
            var vectorPart = 1.0 / (k + match.Rank);
            byChunk[match.ChunkId] = byChunk.TryGetValue(match.ChunkId, out var existing)
                ? existing with { VectorScore = match.Score, VectorRank = match.Rank, FusedScore = existing.FusedScore + vectorPart }
                : new RetrievedChunk(0, Unloaded(match.ChunkId, match.DocumentId), null, null, match.Score, match.Rank, vectorPart, false, 0);
        }

        return [.. byChunk.Values
            .OrderByDescending(c => c.FusedScore)
            .ThenByDescending(c => c.LexicalScore ?? 0)
            .ThenBy(c => c.ChunkId)];
    }

    /// <summary>
    /// With embeddings: the best cosine similarity among the context chunks. Without: the IDF-weighted share of the
    /// query's terms found in the best chunk (pipeline.md "Confidence").
    /// </summary>
    private static double Confidence(IReadOnlyList<RetrievedChunk> retrieved, bool hybrid)
    {
        if (retrieved.Count == 0)
        {
            return 0;
        }

        var value = hybrid
            ? retrieved.Where(c => c.InContext).Select(c => c.VectorScore ?? 0).DefaultIfEmpty(0).Max()
            : retrieved[0].QueryCoverage;
        return Math.Round(Math.Clamp(value, 0, 1), 4);
    }

    private static ChunkDetails Unloaded(Guid chunkId, Guid documentId) => new(chunkId, documentId, 0, string.Empty, null, [], null, string.Empty, 0);

    private static string BuildQuery(string question, string? previousQuestion)
    {
        var words = question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words < ShortFollowUpWords && !string.IsNullOrWhiteSpace(previousQuestion)
            ? previousQuestion + "\n" + question
            : question;
    }
}

public enum RetrievalMode
{
    Lexical,
    Hybrid,
}

/// <summary>
/// One candidate in fused rank order, with each retriever's signals (<c>null</c> when that retriever did not return it).
/// <see cref="ChunkId"/> identifies it before its details are loaded.
/// </summary>
public sealed record RetrievedChunk(
    int Rank,
    ChunkDetails Chunk,
    double? LexicalScore,
    int? LexicalRank,
    double? VectorScore,
    int? VectorRank,
    double FusedScore,
    bool InContext,
    double QueryCoverage)
{
    public Guid ChunkId => Chunk.ChunkId;
}

public sealed record RetrievalResult(
    RetrievalMode Mode,
    string Query,
    double Confidence,
    double LowConfidenceThreshold,
    IReadOnlyList<RetrievedChunk> Chunks,
    int IndexedChunks,
    ModelUsage? EmbeddingUsage,
    RetrievalTimings Timings)
{
    public IEnumerable<RetrievedChunk> Context => Chunks.Where(c => c.InContext);

    /// <summary>This result with the text of the candidates outside the context dropped; ids, names and scores stay.</summary>
    public RetrievalResult WithoutTextOutsideContext() =>
        this with { Chunks = [.. Chunks.Select(c => c.InContext ? c : c with { Chunk = c.Chunk with { Text = string.Empty } })] };
}

public sealed record RetrievalTimings(double TotalMs, double LexicalMs, double? VectorMs, double FusionMs);
