using System.Diagnostics;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Chat.Retrieval;

/// <summary>
/// Stage 4 of the answer pipeline (pipeline.md): finds a bot's candidate chunks, fuses the retrievers' rankings with
/// reciprocal rank fusion, picks the context within the token and chunk budget, and computes the confidence.
/// Only lexical retrieval exists so far; with vectors off, the lexical ranking is used as is.
/// </summary>
public sealed class KnowledgeRetriever(IKnowledgeIndex index, IChunkQueries chunks, IOptions<LimitsOptions> options)
{
    /// <summary>Follow-ups shorter than this carry the previous question along ("and the reset time?").</summary>
    private const int ShortFollowUpWords = 6;

    public async Task<RetrievalResult> RetrieveAsync(Bot bot, string question, string? previousQuestion, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var total = Stopwatch.StartNew();
        var query = BuildQuery(question, previousQuestion);

        var lexicalWatch = Stopwatch.StartNew();
        var lexical = await index.SearchAsync(bot.Id, query, limits.RetrievalCandidates, cancellationToken);
        lexicalWatch.Stop();

        var fusionWatch = Stopwatch.StartNew();
        var details = await chunks.GetAsync(bot.Id, [.. lexical.Select(m => m.ChunkId)], cancellationToken);
        var byId = details.ToDictionary(d => d.ChunkId);
        var candidates = new List<RetrievedChunk>();
        var contextTokens = 0;
        var contextChunks = 0;
        foreach (var match in lexical)
        {
            if (!byId.TryGetValue(match.ChunkId, out var chunk))
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

            candidates.Add(new RetrievedChunk(
                candidates.Count + 1,
                chunk,
                match.Score,
                match.Rank,
                FusedScore: 1.0 / (limits.RrfK + match.Rank),
                inContext,
                match.QueryCoverage));
        }

        fusionWatch.Stop();
        var confidence = candidates.Count == 0 ? 0 : Math.Round(candidates[0].QueryCoverage, 4);
        var threshold = bot.Answering.LowConfidenceThreshold ?? limits.LowConfidenceThresholdLexical;
        total.Stop();
        return new RetrievalResult(
            RetrievalMode.Lexical,
            query,
            confidence,
            threshold,
            candidates,
            new RetrievalTimings(total.Elapsed.TotalMilliseconds, lexicalWatch.Elapsed.TotalMilliseconds, fusionWatch.Elapsed.TotalMilliseconds));
    }

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

/// <summary>One candidate in fused rank order, with each retriever's signals.</summary>
public sealed record RetrievedChunk(int Rank, ChunkDetails Chunk, double LexicalScore, int LexicalRank, double FusedScore, bool InContext, double QueryCoverage);

public sealed record RetrievalResult(
    RetrievalMode Mode,
    string Query,
    double Confidence,
    double LowConfidenceThreshold,
    IReadOnlyList<RetrievedChunk> Chunks,
    RetrievalTimings Timings);

public sealed record RetrievalTimings(double TotalMs, double LexicalMs, double FusionMs);
