using Chat9.Application.Common.Exceptions;

namespace Chat9.Application.Chat.Common;

/// <summary>The session rules of the contract: a <c>session_id</c> must be a hyphenated UUID (<c>422 session_invalid</c>).</summary>
public static class SessionIds
{
    /// <summary>Null when no id was sent (a new session); the id when it is a UUID; otherwise <c>session_invalid</c>.</summary>
    public static Guid? ParseOptional(string? sessionId) =>
        sessionId is null ? null : ParseRequired(sessionId);

    /// <summary>The id, or <c>session_invalid</c> when it is missing or not a UUID.</summary>
    public static Guid ParseRequired(string? sessionId) =>
        Guid.TryParseExact(sessionId, "D", out var id)
            ? id
            : throw new UnprocessableException("session_invalid", sessionId is null ? "session_id is required." : "session_id must be a UUID.");
}
