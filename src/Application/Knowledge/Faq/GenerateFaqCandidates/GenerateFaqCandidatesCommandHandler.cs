using Chat9.Application.Chat.Pipeline.Privacy;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Knowledge.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Chat9.Domain.Faq.Specifications;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>
/// Suggests new FAQ candidates (management-api.md "FAQ"), in this order until <c>Limits:FaqCandidatesPerRun</c> are
/// found: questions from the logs (<see cref="LogQuestions"/>), question headings of the documents
/// (<see cref="DocumentQuestions"/>), then, with the guard model configured, up to 5 pairs the model writes per
/// document. A question the FAQ already has in any status, rejected included, is never suggested again
/// (<see cref="KnownQuestions"/>). Candidates are never approved here.
/// </summary>
/// <remarks>
/// The model is asked about a document until it has contributed: once the document has a <c>docs</c> entry that is not
/// one of its question headings, later runs (daily, and after every document change) do not pay for it again. A model
/// that is unavailable only means fewer suggestions this run.
/// </remarks>
public sealed class GenerateFaqCandidatesCommandHandler(
    IReadRepository<Bot> bots,
    IRepository<FaqEntry> entries,
    IUnitOfWork unitOfWork,
    KnowledgeDocuments knowledgeDocuments,
    IAnsweredQuestionQueries answeredQuestions,
    IKnowledgeExtractor extractor,
    IEmbeddingModel embeddings,
    ITextTerms terms,
    TimeProvider clock,
    IOptions<LimitsOptions> options,
    ILogger<GenerateFaqCandidatesCommandHandler> logger) : ICommandHandler<GenerateFaqCandidatesCommand>
{
    /// <summary>How far back the logs are read: the latest answers, enough for what visitors ask now, bounded in memory.</summary>
    private const int LogWindow = 5_000;

    private const int ModelPairsPerDocument = 5;

    /// <summary>What the model reads of one document.</summary>
    private const int ModelTextChars = 16_000;

    public async ValueTask<Unit> Handle(GenerateFaqCandidatesCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(command.BotId), cancellationToken);
        if (bot is null)
        {
            return Unit.Value;
        }

        var limits = options.Value;
        var existing = await entries.ListAsync(new AllFaqEntriesOfBotSpec(bot.Id), cancellationToken);
        var documents = await knowledgeDocuments.ReadAsync(bot.Id, cancellationToken);
        var known = new KnownQuestions(terms, KnowledgeDocuments.MainLanguage(documents), bot.Answering.FaqMatchThreshold ?? limits.FaqMatchThresholdLexical);
        existing.ForEach(e => known.Add(e.Question));
        var selection = new CandidateSelection(known, limits.FaqCandidatesPerRun);

        var answered = await answeredQuestions.ListRecentAsync(bot.Id, LogWindow, cancellationToken);
        var lowConfidence = bot.Answering.LowConfidenceThreshold
            ?? (embeddings.IsConfigured ? limits.LowConfidenceThresholdVector : limits.LowConfidenceThresholdLexical);
        selection.OfferAll(LogQuestions.Suggest(answered, terms, lowConfidence, limits.FaqQuestionMaxChars, limits.FaqAnswerMaxChars, ContainsPersonalData));

        var headingQuestions = documents.ToDictionary(
            d => d.Id, d => DocumentQuestions.FromHeadings(d, limits.FaqQuestionMaxChars, limits.FaqAnswerMaxChars).ToList());
        foreach (var document in documents)
        {
            selection.OfferAll(headingQuestions[document.Id]);
        }

        if (extractor.IsConfigured)
        {
            foreach (var document in documents)
            {
                if (selection.IsFull)
                {
                    break;
                }

                if (!ModelHasContributed(document, headingQuestions[document.Id], existing))
                {
                    await OfferModelPairsAsync(document, selection, limits, cancellationToken);
                }
            }
        }

        var now = clock.GetUtcNow();
        foreach (var suggestion in selection.Selected)
        {
            entries.Add(FaqEntry.Suggest(bot.Id, suggestion.Question, suggestion.Answer, suggestion.Source, suggestion.Confidence, suggestion.SourceDocumentId, now));
        }

        if (selection.Selected.Count > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("FAQ suggestions for bot {BotId}: {Count} new candidates.", bot.Id, selection.Selected.Count);
        return Unit.Value;
    }

    private async Task OfferModelPairsAsync(KnowledgeDocument document, CandidateSelection selection, LimitsOptions limits, CancellationToken cancellationToken)
    {
        var pairs = await extractor.SuggestFaqAsync(document.Title, document.Markdown(ModelTextChars), Math.Min(ModelPairsPerDocument, selection.Room), cancellationToken);
        if (pairs is null)
        {
            logger.LogWarning("The model suggested no FAQ pairs for document {DocumentId}.", document.Id);
            return;
        }

        foreach (var pair in pairs.Pairs)
        {
            selection.Offer(new FaqSuggestion(pair.Question, MarkdownText.Cut(pair.Answer, limits.FaqAnswerMaxChars), FaqSource.Docs, Confidence: null, document.Id));
        }
    }

    private static bool ModelHasContributed(KnowledgeDocument document, IReadOnlyList<FaqSuggestion> headingQuestions, IReadOnlyList<FaqEntry> existing)
    {
        var headings = headingQuestions.Select(q => KnownQuestions.Normalize(q.Question)).ToHashSet(StringComparer.Ordinal);
        return existing.Any(e => e.Source == FaqSource.Docs && e.SourceDocumentId == document.Id && !headings.Contains(KnownQuestions.Normalize(e.Question)));
    }

    private static bool ContainsPersonalData(string text) => new PiiRedactor().Redact(text).Redactions > 0;
}
