using Chat9.Application.Chat.Pipeline.Privacy;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Gaps.Common;

/// <summary>
/// Clusters visitor questions for the Gap Analyzer: by embeddings (cosine ≥ <c>Gaps:EmbeddingSimilarity</c>) when an
/// embedding model is configured, else, or when it cannot answer, by TF-IDF over stemmed terms (cosine ≥
/// <c>Gaps:LexicalSimilarity</c>). Questions are PII-redacted before they leave for the embedding model. Clusters smaller
/// than <c>Gaps:MinClusterSize</c> are dropped.
/// </summary>
public sealed class QuestionClusterer(
    ITextTerms terms,
    ILanguageDetector languages,
    IEmbeddingModel embeddings,
    IOptions<GapOptions> options,
    ILogger<QuestionClusterer> logger)
{
    /// <summary>The lexical space of the last <see cref="ClusterAsync"/>, to compare other texts (existing gaps) with its clusters.</summary>
    public LexicalSpace? Space { get; private set; }

    public async Task<IReadOnlyList<QuestionCluster>> ClusterAsync(IReadOnlyList<GapQuestion> questions, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var ordered = questions.OrderBy(q => q.AskedAt).ThenBy(q => q.MessageId).ToList();
        var termLists = ordered.Select(q => Terms(q.Text)).ToList();
        Space = LexicalSpace.Fit(termLists);
        var lexical = termLists.Select(Space.Vectorize).ToList();
        var embedded = await EmbedAsync(ordered, cancellationToken);
        var (vectors, threshold) = embedded is null ? (lexical, settings.LexicalSimilarity) : (embedded, settings.EmbeddingSimilarity);

        return [.. CentroidClustering.Cluster(vectors, threshold)
            .Where(members => members.Count >= Math.Max(1, settings.MinClusterSize))
            .Select(members => new QuestionCluster(
                [.. members.Select(m => ordered[m])],
                ordered[CentroidClustering.Medoid(vectors, members)],
                SparseVector.Centroid(members.Select(m => lexical[m]))))];
    }

    /// <summary>The TF-IDF vector of any text in the space of the last clustering.</summary>
    public SparseVector Vectorize(string text) => Space?.Vectorize(Terms(text)) ?? SparseVector.Empty;

    private IReadOnlyList<string> Terms(string text) => terms.Analyze(text, languages.Detect(text));

    private async Task<List<SparseVector>?> EmbedAsync(List<GapQuestion> questions, CancellationToken cancellationToken)
    {
        if (!embeddings.IsConfigured || questions.Count == 0)
        {
            return null;
        }

        var redactor = new PiiRedactor();
        var texts = questions.Select(q => redactor.Redact(q.Text).Text).ToList();
        try
        {
            var vectors = new List<SparseVector>(texts.Count);
            foreach (var batch in texts.Chunk(256))
            {
                var embedded = await embeddings.EmbedAsync(batch, cancellationToken);
                if (embedded.Count != batch.Length)
                {
                    throw new ModelUnavailableException($"The embedding model returned {embedded.Count} vectors for {batch.Length} texts.");
                }

                vectors.AddRange(embedded.Select(SparseVector.FromDense));
            }

            return vectors;
        }
        catch (ModelUnavailableException ex)
        {
            logger.LogWarning("Gap clustering falls back to lexical similarity: the embedding model is unavailable ({Reason}).", ex.Message);
            return null;
        }
    }
}
