using Chat9.Domain.Sessions;

namespace Chat9.Application.Chat.Common;

/// <summary>Progress stages of a turn, sent as <c>status</c> frames (sse.md), each at most once and in this order.</summary>
public enum ChatStage
{
    Thinking,
    Searching,
    Writing,
}

/// <summary>
/// What a chat turn reports as it runs, independent of the transport: the WebApi turns these into SSE frames or, for
/// JSON clients, into one response. Everything before <see cref="TurnAccepted"/> is decided up front, so a failure there
/// is an ordinary error response, never a stream.
/// </summary>
public abstract record ChatEvent;

/// <summary>Every up-front check passed and the user's message is stored; the stream may begin. Not a frame itself.</summary>
/// <param name="Replayed">The answer is a replay of an earlier request with the same <c>Idempotency-Key</c>.</param>
/// <param name="UserMessageId">The stored user message (none for a greeting or a replay).</param>
public sealed record TurnAccepted(Guid SessionId, bool Replayed, Guid? UserMessageId = null) : ChatEvent;

/// <summary>A <c>status</c> frame.</summary>
public sealed record StageReached(ChatStage Stage) : ChatEvent;

/// <summary>A <c>chunk</c> frame: the next piece of the answer (never empty).</summary>
public sealed record AnswerChunk(string Text) : ChatEvent;

/// <summary>The <c>done</c> frame: the turn succeeded and its reply is stored.</summary>
public sealed record TurnCompleted(TurnResult Result) : ChatEvent;

/// <summary>The <c>error</c> frame: the turn failed after the stream began. The user's message and any partial answer are stored.</summary>
public sealed record TurnFailed(TurnFailure Failure, string Message, TimeSpan? RetryAfter = null) : ChatEvent;

public enum TurnFailure
{
    /// <summary>The provider refused the content (<c>error</c> code 422).</summary>
    ContentRejected,

    /// <summary>The language model is unavailable (<c>error</c> code 503; <c>POST /chat</c>: 503 <c>model_unavailable</c>).</summary>
    ModelUnavailable,

    /// <summary>Anything else (<c>error</c> code 500), logged with the trace id.</summary>
    Internal,
}

/// <summary>The result of a successful turn: the members of the <c>done</c> frame and of the JSON answer of <c>POST /chat</c>.</summary>
public sealed record TurnResult(
    string Text,
    Guid SessionId,
    Guid MessageId,
    bool ChatEnded,
    string? TicketNumber,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<Guid> SourceDocuments,
    int TokensUsed);
