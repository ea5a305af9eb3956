using Chat9.Application.Common.Interfaces;
using Chat9.Application.Knowledge.Common;
using Chat9.Domain.Common;
using Chat9.Domain.Faq;
using Chat9.Domain.Sessions;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>
/// FAQ suggestions from the chat logs (management-api.md "FAQ"): first the questions whose answer an operator rated
/// up (newest first), then the questions asked in at least <see cref="MinSessions"/> conversations (the same stemmed
/// terms, most asked first) that got a confident answer (outcome <c>answer</c>, confidence at or above the bot's
/// low-confidence threshold, not rated down). An operator's <c>ideal_answer</c> wins over the bot's answer. The
/// confidence of a suggestion is that of the answer it came from.
/// </summary>
/// <remarks>
/// A question that contains personal data (an e-mail address, phone, card or IBAN as <c>PiiRedactor</c> finds them)
/// is about one visitor's own case, not a frequent one, and is never suggested: that visitor's data would otherwise be
/// copied into the FAQ.
/// </remarks>
public static class LogQuestions
{
    /// <summary>"Asked 3+ times": counted in distinct conversations, so one visitor repeating a question is once.</summary>
    public const int MinSessions = 3;

    public static IEnumerable<FaqSuggestion> Suggest(
        IReadOnlyList<AnsweredQuestion> answered, ITextTerms terms, double lowConfidenceThreshold, int questionMaxChars, int answerMaxChars,
        Func<string, bool> containsPersonalData)
    {
        var usable = answered
            .Where(a => a.Question is { } q && q.Trim().Length > 0 && Text.CountChars(q.Trim()) <= questionMaxChars && !containsPersonalData(q))
            .ToList();

        var ratedUp = usable
            .Where(a => a.Feedback == MessageFeedback.Up && (a.IdealAnswer is not null || a.Outcome == MessageOutcome.Answer))
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => Suggestion(a, a.IdealAnswer ?? a.Answer, answerMaxChars));

        var frequent = usable
            .Select(a => (Answered: a, Key: string.Join(' ', terms.Analyze(a.Question!, a.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, x => x.Answered, StringComparer.Ordinal)
            .Select(group => (Asked: group.Select(a => a.SessionId).Distinct().Count(), Best: BestAnswer([.. group], lowConfidenceThreshold)))
            .Where(g => g.Asked >= MinSessions && g.Best is not null)
            .OrderByDescending(g => g.Asked)
            .ThenByDescending(g => g.Best!.Value.From.CreatedAt)
            .Select(g => Suggestion(g.Best!.Value.From, g.Best.Value.Answer, answerMaxChars));

        return ratedUp.Concat(frequent);
    }

    /// <summary>The newest ideal answer of the group, else its most confident (then newest) confident answer not rated down.</summary>
    private static (AnsweredQuestion From, string Answer)? BestAnswer(IReadOnlyList<AnsweredQuestion> group, double lowConfidenceThreshold)
    {
        var ideal = group.Where(a => a.IdealAnswer is not null).MaxBy(a => a.CreatedAt);
        if (ideal is not null)
        {
            return (ideal, ideal.IdealAnswer!);
        }

        var confident = group
            .Where(a => a.Outcome == MessageOutcome.Answer && a.Confidence >= lowConfidenceThreshold && a.Feedback != MessageFeedback.Down)
            .OrderByDescending(a => a.Confidence)
            .ThenByDescending(a => a.CreatedAt)
            .FirstOrDefault();
        return confident is null ? null : (confident, confident.Answer);
    }

    private static FaqSuggestion Suggestion(AnsweredQuestion from, string answer, int answerMaxChars) =>
        new(MarkdownText.Collapse(from.Question!), MarkdownText.Cut(answer, answerMaxChars), FaqSource.Logs, from.Confidence, SourceDocumentId: null);
}
