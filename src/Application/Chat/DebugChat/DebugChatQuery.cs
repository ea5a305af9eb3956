using Chat9.Application.Chat.Retrieval;
using Mediator;

namespace Chat9.Application.Chat.DebugChat;

/// <summary>
/// <c>POST /chat/debug</c>: shows how the pipeline would handle <see cref="Question"/>. Stores nothing.
/// Until the answer pipeline lands, it reports the retrieval stage; <c>guard</c>, <c>faq</c> and <c>answer</c> are null.
/// </summary>
public sealed record DebugChatQuery(Guid BotId, string Question, Guid? SessionId) : IQuery<ChatDebugDto>;

public sealed record ChatDebugDto(
    string Question,
    RetrievalDebugDto Retrieval,
    object? Guard,
    object? Faq,
    object? Answer,
    DebugTimingsDto TimingsMs);

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
    double Retrieval,
    double Lexical,
    double? Vector,
    double Fusion,
    double? Generation,
    double? FirstToken,
    double? Validation,
    double Total);
