using Chat9.Domain.Gaps;

namespace Chat9.Application.Gaps.Common;

/// <summary>What the analyzer recommends for a cluster (management-api.md "suggested_action").</summary>
public static class SuggestedActions
{
    /// <summary>Questions this similar to the cluster's central one count as "the same question" for <c>add_faq</c>.</summary>
    public const double SameQuestionSimilarity = 0.8;

    /// <summary>How many times the same question must come back before an FAQ entry is the better fix.</summary>
    public const int RepeatedQuestionCount = 3;

    /// <summary>
    /// Coverage gaps: expand the doc. Otherwise: review the answers when visitors rejected answers the docs did give
    /// (rejections and thumbs-down outweigh low-confidence and no-document answers); add an FAQ entry when the same
    /// question came back <see cref="RepeatedQuestionCount"/> times or more; else write the missing doc.
    /// </summary>
    public static SuggestedAction For(GapMode mode, string title, GapSignals signals, int sameQuestionCount)
    {
        if (mode == GapMode.Coverage)
        {
            return new SuggestedAction(SuggestedActionKind.ExpandDoc,
                $"The documents mention \"{title}\" only in passing. Expand that section with the details visitors ask about.");
        }

        if (signals.AnswerRejected + signals.ThumbsDown > signals.LowConfidence + signals.NoDocuments)
        {
            return new SuggestedAction(SuggestedActionKind.ReviewAnswers,
                $"The documents matched, but visitors rejected the answers about \"{title}\". Review those answers and correct or clarify the source.");
        }

        if (sameQuestionCount >= RepeatedQuestionCount)
        {
            return new SuggestedAction(SuggestedActionKind.AddFaq,
                $"Visitors keep asking \"{title}\". Add an FAQ entry that answers it directly.");
        }

        return new SuggestedAction(SuggestedActionKind.WriteDoc,
            $"No document answers questions about \"{title}\". Write a section that covers them.");
    }
}
