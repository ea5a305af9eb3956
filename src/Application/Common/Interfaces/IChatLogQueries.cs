using Chat9.Domain.Sessions;

namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Read models of the chat logs (management-api.md "Chat logs"): projections across sessions and their messages that
/// no aggregate serves well (counts, latest question, rated messages of many sessions).
/// </summary>
public interface IChatLogQueries
{
    Task<(IReadOnlyList<SessionSummary> Items, int Total)> ListSessionsAsync(Guid botId, SessionFilter filter, int skip, int take, CancellationToken cancellationToken);

    Task<(IReadOnlyList<BadAnswer> Items, int Total)> ListBadAnswersAsync(Guid botId, int skip, int take, CancellationToken cancellationToken);
}

/// <param name="From">Sessions active at or after this time.</param>
/// <param name="To">Sessions active at or before this time.</param>
/// <param name="Feedback">Sessions with at least one assistant message rated so.</param>
public sealed record SessionFilter(
    DateTimeOffset? From,
    DateTimeOffset? To,
    bool? HasTicket,
    MessageFeedback? Feedback,
    string? UserId,
    SessionChannel? Channel);

/// <summary>One row of <c>GET /chat/sessions</c>.</summary>
/// <param name="LastQuestion">The latest visitor message (the use case cuts it to 200 characters).</param>
/// <param name="UserId">The identified user, or null.</param>
public sealed record SessionSummary(
    Guid SessionId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivity,
    int MessageCount,
    string? LastQuestion,
    string? UserId,
    string? TicketNumber,
    SessionMode Mode,
    SessionChannel Channel,
    bool ChatEnded);

/// <param name="Question">The user message the answer replied to (null when there was none, e.g. a greeting).</param>
public sealed record BadAnswer(
    Guid MessageId,
    Guid SessionId,
    string? Question,
    string Answer,
    string? IdealAnswer,
    DateTimeOffset? FeedbackAt,
    DateTimeOffset CreatedAt);
