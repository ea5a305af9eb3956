namespace Chat9.Domain.Sessions;

/// <summary>
/// How an assistant message was made, stored with it for chat logs and debugging (pipeline.md "Stages"): which
/// answerer, the conversation language, every stage's time, the retrieval signals, the guard's verdict, the model calls
/// with their token usage, and how many PII findings of each type were redacted (never the values).
/// </summary>
public sealed record TurnDiagnostics(
    string Answerer,
    string? Language,
    IReadOnlyDictionary<string, double> TimingsMs,
    string? RetrievalMode,
    double? RetrievalConfidence,
    IReadOnlyList<RetrievalSignal> Retrieval,
    string? GuardVerdict,
    IReadOnlyList<ModelCall> ModelCalls,
    IReadOnlyDictionary<string, int> Redactions)
{
    public int TokensUsed => ModelCalls.Sum(c => c.PromptTokens + c.CompletionTokens);
}

/// <summary>One retrieved candidate of a turn with the signals that ranked it.</summary>
public sealed record RetrievalSignal(Guid ChunkId, Guid DocumentId, int Rank, double? LexicalScore, double? VectorScore, double FusedScore, bool InContext);

/// <summary>Token usage of one model call of a turn; <see cref="Purpose"/> is guard, answer, validation or embedding.</summary>
public sealed record ModelCall(string Model, string Purpose, int PromptTokens, int CompletionTokens);
