namespace Chat9.Domain.Sessions;

public enum SessionMode
{
    Anonymous,
    Identified,
}

public enum SessionChannel
{
    Widget,
    Api,
}

public enum MessageRole
{
    User,
    Assistant,
}

/// <summary>How an assistant message came about (pipeline.md).</summary>
public enum MessageOutcome
{
    Answer,
    Greeting,
    Faq,
    Smalltalk,
    Clarification,
    LowConfidence,
    NoDocuments,
    Refused,
    OffTopic,
    Escalation,
    EmailRequest,
    Error,
}

public enum MessageFeedback
{
    None,
    Up,
    Down,
}
