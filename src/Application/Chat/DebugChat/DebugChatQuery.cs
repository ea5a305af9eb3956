using Chat9.Application.Chat.Retrieval;
using Mediator;

namespace Chat9.Application.Chat.DebugChat;

/// <summary>
/// <c>POST /chat/debug</c>: shows how the pipeline would handle <see cref="Question"/>. Stores nothing.
/// Runs the whole pipeline (the model too, when configured) without storing anything or opening a ticket.
/// </summary>
public sealed record DebugChatQuery(Guid BotId, string Question, Guid? SessionId) : IQuery<ChatDebugDto>;

/// <param name="Retrieval">Null when the turn ended before retrieval (guard, FAQ or an escalation answered it).</param>
public sealed record ChatDebugDto(
    string Question,
    RetrievalDebugDto? Retrieval,
    GuardDebugDto Guard,
    FaqDebugDto Faq,
    AnswerDebugDto Answer,
    DebugTimingsDto TimingsMs);

public sealed record GuardDebugDto(string Verdict, string? Model, IReadOnlyList<GuardCheckDebugDto> Checks)
{
    public static GuardDebugDto From(Pipeline.GuardReport guard) =>
        new(guard.Verdict, guard.Model, [.. guard.Checks.Select(c => new GuardCheckDebugDto(c.Name, c.Result, c.Score, c.Detail))]);
}

public sealed record GuardCheckDebugDto(string Name, string Result, double Score, string? Detail);

public sealed record FaqDebugDto(bool Matched, Guid? FaqId, double Score, double Threshold)
{
    public static FaqDebugDto From(Pipeline.FaqReport faq) => new(faq.Matched, faq.FaqId, faq.Score, faq.Threshold);
}

/// <param name="Error">Set when the model failed (<c>{"code": 503, "message": …}</c>); the other stages are still reported.</param>
public sealed record AnswerDebugDto(
    string Text,
    string Outcome,
    double? Confidence,
    string Language,
    string Model,
    bool? Grounded,
    IReadOnlyList<Domain.Sessions.SourceReference> Sources,
    IReadOnlyList<Guid> SourceDocuments,
    int TokensUsed,
    AnswerErrorDto? Error = null);

public sealed record AnswerErrorDto(int Code, string Message);

public sealed record RetrievalDebugDto(RetrievalMode Mode, double Confidence, double LowConfidenceThreshold, IReadOnlyList<DebugChunkDto> Chunks)
{
    public static RetrievalDebugDto From(RetrievalResult result) => new(
        result.Mode,
        result.Confidence,
        result.LowConfidenceThreshold,
        [.. result.Chunks.Select(c => new DebugChunkDto(
            c.Rank,
            c.Chunk.ChunkId,
            c.Chunk.DocumentId,
            c.Chunk.Filename,
            c.Chunk.HeadingPath,
            c.Chunk.SourceUrl,
            c.Chunk.Text,
            c.LexicalScore is { } lexical ? Math.Round(lexical, 4) : null,
            c.LexicalRank,
            c.VectorScore,
            c.VectorRank,
            Math.Round(c.FusedScore, 6),
            c.InContext))]);
}

public sealed record DebugChunkDto(
    int Rank,
    Guid ChunkId,
    Guid DocumentId,
    string Filename,
    IReadOnlyList<string> HeadingPath,
    string? SourceUrl,
    string Text,
    double? LexicalScore,
    int? LexicalRank,
    double? VectorScore,
    int? VectorRank,
    double FusedScore,
    bool InContext);

public sealed record DebugTimingsDto(
    double? Guard,
    double? Faq,
    double? Retrieval,
    double? Lexical,
    double? Vector,
    double? Fusion,
    double? Generation,
    double? FirstToken,
    double? Validation,
    double Total);
