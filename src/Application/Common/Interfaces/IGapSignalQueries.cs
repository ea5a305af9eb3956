namespace Chat9.Application.Common.Interfaces;

/// <summary>Which failure signals point at a visitor question (management-api.md "Gap Analyzer").</summary>
[Flags]
public enum GapSignalKinds
{
    None = 0,
    LowConfidence = 1,
    NoDocuments = 2,
    AnswerRejected = 4,
    ThumbsDown = 8,
}

/// <summary>A visitor question with the signals that point at it. <see cref="MessageId"/> is the user message (or, for a
/// ticket whose question is no longer in the transcript, the ticket).</summary>
public sealed record SignalledQuestion(Guid MessageId, string Text, DateTimeOffset AskedAt, GapSignalKinds Signals);

/// <summary>A visitor question that got an answer from the documents, with what the answer rested on.</summary>
/// <param name="RetrievalMode"><c>lexical</c> or <c>hybrid</c> (which threshold applied), null if unknown.</param>
/// <param name="ContextChunks">Chunks the answer was given as context.</param>
public sealed record ConfidentAnswer(Guid MessageId, string Text, DateTimeOffset AskedAt, double? Confidence, string? RetrievalMode, int ContextChunks);

/// <summary>Reads the chat logs and tickets the Gap Analyzer clusters.</summary>
public interface IGapSignalQueries
{
    /// <summary>Questions asked since <paramref name="since"/> with at least one signal, the most recent first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<SignalledQuestion>> SignalledQuestionsAsync(Guid botId, DateTimeOffset since, int max, CancellationToken cancellationToken);

    /// <summary>Questions asked since <paramref name="since"/> answered from the documents without thumbs-down, the most recent first.</summary>
    Task<IReadOnlyList<ConfidentAnswer>> AnsweredQuestionsAsync(Guid botId, DateTimeOffset since, int max, CancellationToken cancellationToken);

    /// <summary>When the bot's knowledge (a ready document or an approved FAQ entry) last changed, or null.</summary>
    Task<DateTimeOffset?> KnowledgeChangedAtAsync(Guid botId, CancellationToken cancellationToken);
}
