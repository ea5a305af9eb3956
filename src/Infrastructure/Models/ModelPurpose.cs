namespace Chat9.Infrastructure.Models;

/// <summary>What a model call is for; each purpose has its own timeout and its own circuit breaker.</summary>
public enum ModelPurpose
{
    Embedding,
    Guard,

    /// <summary>An answer up to its first token; the caller bounds the whole stream (<c>Models:AnswerTimeoutSeconds</c>).</summary>
    Answer,
}
