using Chat9.Application.Chat.Pipeline.Privacy;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Gaps.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Chat9.Domain.Gaps.Specifications;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Gaps.RecalculateGaps;

/// <summary>
/// Rebuilds both kinds of gaps from the last <c>Gaps:WindowDays</c> of chat logs. A new cluster that continues an
/// existing gap (shares one of its example questions, or is lexically as close as two questions of one cluster) updates
/// that gap and keeps its id and title; a dismissed gap stays dismissed; a resolved gap with newer questions becomes
/// active again. An active gap whose questions have all left the window is removed: the list shows what visitors
/// ask now. Then every active gap the knowledge now answers is resolved.
/// </summary>
public sealed class RecalculateGapsCommandHandler(
    IReadRepository<Bot> bots,
    IRepository<Gap> gaps,
    IUnitOfWork unitOfWork,
    IGapSignalQueries signals,
    QuestionClusterer clusterer,
    GapResolutionCheck resolution,
    IGapWriter writer,
    TimeProvider clock,
    IOptions<GapOptions> options,
    IOptions<LimitsOptions> limits,
    ILogger<RecalculateGapsCommandHandler> logger) : ICommandHandler<RecalculateGapsCommand>
{
    public async ValueTask<Unit> Handle(RecalculateGapsCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(command.BotId), cancellationToken);
        if (bot is null)
        {
            return Unit.Value;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(settings.WindowDays);
        var signalled = await signals.SignalledQuestionsAsync(bot.Id, since, settings.MaxQuestions, cancellationToken);
        var signalledIds = signalled.Select(q => q.MessageId).ToHashSet();
        var answered = await signals.AnsweredQuestionsAsync(bot.Id, since, settings.MaxQuestions, cancellationToken);
        var thin = answered.Where(a => !signalledIds.Contains(a.MessageId) && IsThin(bot, a))
            .Select(a => new GapQuestion(a.MessageId, a.Text, a.AskedAt, GapSignalKinds.None))
            .ToList();

        var existing = await gaps.ListAsync(new GapsOfBotSpec(bot.Id), cancellationToken);
        var questionGaps = await RebuildAsync(bot.Id, GapMode.Questions,
            [.. signalled.Select(q => new GapQuestion(q.MessageId, q.Text, q.AskedAt, q.Signals))], existing, now, cancellationToken);
        var coverageGaps = await RebuildAsync(bot.Id, GapMode.Coverage, thin, existing, now, cancellationToken);
        var expired = existing.Where(g => g.Status == GapStatus.Active && g.LastSeen < since).ToList();
        expired.ForEach(gaps.Remove);

        var knowledgeChangedAt = await signals.KnowledgeChangedAtAsync(bot.Id, cancellationToken);
        var resolved = 0;
        foreach (var gap in existing.Except(expired).Concat(questionGaps.Created).Concat(coverageGaps.Created).Where(g => g.Status == GapStatus.Active))
        {
            if (await resolution.IsAnsweredAsync(bot, gap, knowledgeChangedAt, cancellationToken))
            {
                gap.Resolve(now);
                resolved++;
            }
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Gaps of bot {BotId} recalculated from {Signalled} signalled and {Thin} thinly answered questions: {Created} new, {Updated} updated, {Resolved} resolved, {Expired} expired.",
            bot.Id, signalled.Count, thin.Count, questionGaps.Created.Count + coverageGaps.Created.Count,
            questionGaps.Updated + coverageGaps.Updated, resolved, expired.Count);
        return Unit.Value;
    }

    /// <summary>Answered, but within the coverage margin above the low-confidence threshold, or from a single chunk.</summary>
    private bool IsThin(Bot bot, ConfidentAnswer answer)
    {
        var threshold = bot.Answering.LowConfidenceThreshold
            ?? (answer.RetrievalMode == "hybrid" ? limits.Value.LowConfidenceThresholdVector : limits.Value.LowConfidenceThresholdLexical);
        return answer.ContextChunks <= 1 || answer.Confidence is not { } confidence || confidence < threshold + options.Value.CoverageMargin;
    }

    private async Task<(List<Gap> Created, int Updated)> RebuildAsync(
        Guid botId, GapMode mode, IReadOnlyList<GapQuestion> questions, IReadOnlyList<Gap> existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clusters = await clusterer.ClusterAsync(questions, cancellationToken);
        var matches = MatchExisting(clusters, [.. existing.Where(g => g.Mode == mode)]);
        var created = new List<Gap>();
        foreach (var cluster in clusters)
        {
            if (matches.TryGetValue(cluster, out var gap))
            {
                gap.Observe(Observe(mode, cluster, gap.Title), now);
                continue;
            }

            var title = await TitleAsync(cluster, cancellationToken);
            var detected = Gap.Detect(botId, mode, Observe(mode, cluster, title), now);
            gaps.Add(detected);
            created.Add(detected);
        }

        return (created, matches.Count);
    }

    /// <summary>
    /// Pairs clusters with the gaps they continue, best pairs first, one gap per cluster: sharing an example question
    /// wins; otherwise the cluster's centre must be as close to the gap's examples as two questions of one cluster.
    /// </summary>
    private Dictionary<QuestionCluster, Gap> MatchExisting(IReadOnlyList<QuestionCluster> clusters, IReadOnlyList<Gap> candidates)
    {
        var scored = new List<(QuestionCluster Cluster, Gap Gap, double Score)>();
        foreach (var gap in candidates)
        {
            var examples = gap.ExampleQuestions.Select(Normalize).ToHashSet(StringComparer.Ordinal);
            var gapVector = SparseVector.Centroid(gap.ExampleQuestions.Select(clusterer.Vectorize));
            foreach (var cluster in clusters)
            {
                var shared = cluster.Questions.Count(q => examples.Contains(Normalize(q.Text)));
                var score = shared > 0 ? 1 + shared : cluster.LexicalCentroid.Cosine(gapVector);
                if (score >= options.Value.LexicalSimilarity)
                {
                    scored.Add((cluster, gap, score));
                }
            }
        }

        var matches = new Dictionary<QuestionCluster, Gap>();
        var taken = new HashSet<Guid>();
        foreach (var (cluster, gap, _) in scored.OrderByDescending(s => s.Score))
        {
            if (!matches.ContainsKey(cluster) && taken.Add(gap.Id))
            {
                matches[cluster] = gap;
            }
        }

        return matches;
    }

    private GapObservation Observe(GapMode mode, QuestionCluster cluster, string title)
    {
        var questions = cluster.Questions;
        var examples = questions.OrderByDescending(q => q.AskedAt)
            .Select(q => q.Text.Trim())
            .DistinctBy(Normalize, StringComparer.Ordinal)
            .Take(options.Value.MaxExamples)
            .ToList();
        var signalCounts = new GapSignals(
            questions.Count(q => q.Signals.HasFlag(GapSignalKinds.LowConfidence)),
            questions.Count(q => q.Signals.HasFlag(GapSignalKinds.NoDocuments)),
            questions.Count(q => q.Signals.HasFlag(GapSignalKinds.AnswerRejected)),
            questions.Count(q => q.Signals.HasFlag(GapSignalKinds.ThumbsDown)));
        var central = clusterer.Vectorize(cluster.Central.Text);
        var sameQuestion = questions.Count(q => clusterer.Vectorize(q.Text).Cosine(central) >= SuggestedActions.SameQuestionSimilarity);
        return new GapObservation(
            title,
            questions.Count,
            examples,
            questions.Min(q => q.AskedAt),
            questions.Max(q => q.AskedAt),
            SuggestedActions.For(mode, title, signalCounts, sameQuestion),
            signalCounts);
    }

    private async Task<string> TitleAsync(QuestionCluster cluster, CancellationToken cancellationToken)
    {
        var fallback = Clean(cluster.Central.Text);
        if (!writer.IsConfigured)
        {
            return fallback;
        }

        var redactor = new PiiRedactor();
        var sample = cluster.Questions.OrderByDescending(q => q.AskedAt).Take(10).Select(q => redactor.Redact(q.Text).Text).ToList();
        var written = await writer.TitleAsync(sample, cancellationToken);
        return string.IsNullOrWhiteSpace(written) ? fallback : Clean(written);
    }

    private static string Clean(string title) => Domain.Common.Text.Truncate(title.ReplaceLineEndings(" ").Trim(), Gap.TitleMaxChars);

    private static string Normalize(string question) => question.Trim().ToLowerInvariant();
}
