using Chat9.Domain.Sessions;

namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// The chat logs as question/answer pairs, for FAQ suggestions (management-api.md "FAQ": questions whose answer got
/// thumbs-up, or that were asked 3+ times and answered confidently).
/// </summary>
public interface IAnsweredQuestionQueries
{
    /// <summary>
    /// The bot's latest assistant messages that could make an FAQ entry (outcome <c>answer</c>, or rated up, or with an
    /// ideal answer), newest first, each with the visitor message it replied to; at most <paramref name="take"/>.
    /// </summary>
    Task<IReadOnlyList<AnsweredQuestion>> ListRecentAsync(Guid botId, int take, CancellationToken cancellationToken);
}

/// <param name="Question">The visitor message the answer replied to (null when there was none).</param>
/// <param name="Language">The session's conversation language (ISO 639-1) or null.</param>
public sealed record AnsweredQuestion(
    Guid MessageId,
    Guid SessionId,
    string? Question,
    string Answer,
    MessageOutcome? Outcome,
    double? Confidence,
    MessageFeedback Feedback,
    string? IdealAnswer,
    string? Language,
    DateTimeOffset CreatedAt);
