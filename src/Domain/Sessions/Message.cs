using Chat9.Domain.Common;

namespace Chat9.Domain.Sessions;

/// <summary>One user or assistant turn of a session.</summary>
public sealed class Message : Entity
{
    private List<SourceReference> _sources = [];
    private List<Guid> _sourceDocumentIds = [];

    // For EF Core.
    private Message() { }

    private Message(Guid id, Guid sessionId, MessageRole role, string content, DateTimeOffset createdAt)
        : base(id)
    {
        SessionId = sessionId;
        Role = role;
        Content = content;
        CreatedAt = createdAt;
        Feedback = MessageFeedback.None;
    }

    public Guid SessionId { get; private set; }

    public MessageRole Role { get; private set; }

    public string Content { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public MessageOutcome? Outcome { get; private set; }

    public double? Confidence { get; private set; }

    public IReadOnlyList<SourceReference> Sources => _sources.AsReadOnly();

    public IReadOnlyList<Guid> SourceDocumentIds => _sourceDocumentIds.AsReadOnly();

    public int TokensUsed { get; private set; }

    /// <summary>The answer was cut short (client went away or the model failed mid-stream).</summary>
    public bool Interrupted { get; private set; }

    public MessageFeedback Feedback { get; private set; }

    public string? IdealAnswer { get; private set; }

    public DateTimeOffset? FeedbackAt { get; private set; }

    /// <summary>How the answer was made (assistant messages of the answer pipeline; null otherwise).</summary>
    public TurnDiagnostics? Diagnostics { get; private set; }

    internal static Message FromUser(Guid sessionId, string content, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), sessionId, MessageRole.User, Guard.NotBlank(content, "message"), now);

    internal static Message FromAssistant(Guid sessionId, AssistantReply reply, DateTimeOffset now)
    {
        var message = new Message(Guid.CreateVersion7(now), sessionId, MessageRole.Assistant, reply.Text, now)
        {
            Outcome = reply.Outcome,
            Confidence = Guard.UnitInterval(reply.Confidence, "confidence"),
            TokensUsed = reply.TokensUsed >= 0 ? reply.TokensUsed : throw new DomainValidationException("tokens_used", "Must not be negative."),
            Interrupted = reply.Interrupted,
            Diagnostics = reply.Diagnostics,
        };
        message._sources = [.. reply.Sources.DistinctBy(s => s.Url)];
        message._sourceDocumentIds = [.. reply.SourceDocumentIds.Distinct()];
        return message;
    }

    /// <summary>Operator feedback on an assistant answer. <see cref="MessageFeedback.None"/> clears it.</summary>
    public void Rate(MessageFeedback feedback, string? idealAnswer, DateTimeOffset now)
    {
        if (Role != MessageRole.Assistant)
        {
            throw new DomainException("not_assistant_message", "Only assistant messages can be rated.");
        }

        Feedback = feedback;
        IdealAnswer = string.IsNullOrWhiteSpace(idealAnswer) ? null : idealAnswer.Trim();
        FeedbackAt = feedback == MessageFeedback.None && IdealAnswer is null ? null : now;
    }
}

/// <summary>What the answer pipeline produced for one turn.</summary>
public sealed record AssistantReply(
    string Text,
    MessageOutcome Outcome,
    double? Confidence,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<Guid> SourceDocumentIds,
    int TokensUsed,
    bool Interrupted = false,
    TurnDiagnostics? Diagnostics = null);
