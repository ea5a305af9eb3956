using Chat9.Domain.Sessions;
using Mediator;

namespace Chat9.Application.ChatLogs.GetSessionTranscript;

/// <summary><c>GET /chat/sessions/{session_id}</c>: the whole conversation with sources, outcomes and feedback.</summary>
public sealed record GetSessionTranscriptQuery(Guid BotId, Guid SessionId) : IQuery<SessionTranscriptDto>;

/// <param name="User">The verified user of an identified session, else null.</param>
/// <param name="Hints">The stored, unverified <c>user_hints</c>, or null.</param>
public sealed record SessionTranscriptDto(
    Guid SessionId,
    SessionMode Mode,
    SessionChannel Channel,
    TranscriptUserDto? User,
    UserHints? Hints,
    string? Language,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivity,
    bool ChatEnded,
    DateTimeOffset? EndedAt,
    string? TicketNumber,
    IReadOnlyList<TranscriptMessageDto> Messages);

public sealed record TranscriptUserDto(string Id, string? Email, string? Name, string? PlanTier, bool Verified);

/// <summary>One message; the assistant-only members are null on visitor messages.</summary>
public sealed record TranscriptMessageDto(
    Guid Id,
    string Role,
    string Content,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SourceReference>? Sources,
    MessageOutcome? Outcome,
    double? Confidence,
    MessageFeedback? Feedback,
    string? IdealAnswer,
    bool? Interrupted,
    int? TokensUsed)
{
    public static TranscriptMessageDto From(Message message)
    {
        var assistant = message.Role == MessageRole.Assistant;
        return new TranscriptMessageDto(
            message.Id,
            assistant ? "assistant" : "user",
            message.Content,
            message.CreatedAt,
            assistant ? message.Sources : null,
            assistant ? message.Outcome : null,
            assistant ? message.Confidence : null,
            assistant ? message.Feedback : null,
            assistant ? message.IdealAnswer : null,
            assistant ? message.Interrupted : null,
            assistant ? message.TokensUsed : null);
    }
}
