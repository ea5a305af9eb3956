using Chat9.Application.Chat.Pipeline.Faq;
using Chat9.Application.Chat.Pipeline.Privacy;
using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Gaps;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Gaps.Common;

/// <summary>
/// Auto-resolve (management-api.md "Gap Analyzer"): an active gap is resolved when every one of its example questions
/// would now be answered: an approved FAQ entry matches it, or retrieval reaches the bot's confidence threshold. A
/// coverage gap must stop being thin: the threshold plus the coverage margin, from more than one chunk.
/// </summary>
/// <remarks>
/// A <c>review_answers</c> gap was signalled by rejections of answers the documents did support, so a confident
/// retrieval proves nothing by itself: it resolves only when the knowledge changed after its last question.
/// </remarks>
public sealed class GapResolutionCheck(
    KnowledgeRetriever retriever,
    FaqMatcher faq,
    ILanguageDetector languages,
    IOptions<LimitsOptions> limits,
    IOptions<GapOptions> options)
{
    public async Task<bool> IsAnsweredAsync(Bot bot, Gap gap, DateTimeOffset? knowledgeChangedAt, CancellationToken cancellationToken)
    {
        if (gap.SuggestedAction.Kind == SuggestedActionKind.ReviewAnswers && !(knowledgeChangedAt > gap.LastSeen))
        {
            return false;
        }

        var margin = gap.Mode == GapMode.Coverage ? options.Value.CoverageMargin : 0;
        var faqThreshold = bot.Answering.FaqMatchThreshold ?? limits.Value.FaqMatchThresholdLexical;
        var redactor = new PiiRedactor();
        foreach (var question in gap.ExampleQuestions)
        {
            var match = await faq.FindBestAsync(bot.Id, question, languages.Detect(question), cancellationToken);
            if (match is not null && match.Score >= faqThreshold)
            {
                continue;
            }

            var retrieval = await retriever.RetrieveAsync(bot, question, null, cancellationToken, text => redactor.Redact(text).Text);
            var thin = gap.Mode == GapMode.Coverage && retrieval.Context.Count() <= 1;
            if (thin || retrieval.Confidence < retrieval.LowConfidenceThreshold + margin)
            {
                return false;
            }
        }

        return gap.ExampleQuestions.Count > 0;
    }
}
