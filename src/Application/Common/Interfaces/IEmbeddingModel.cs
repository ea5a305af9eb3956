namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Turns texts into vectors for semantic search (OpenAI / Azure OpenAI / OpenAI-compatible, <c>text-embedding-3-small</c>
/// by default). When no embedding model is configured, <see cref="IsConfigured"/> is false and search is lexical only.
/// </summary>
public interface IEmbeddingModel
{
    bool IsConfigured { get; }

    /// <summary>The configured model (or Azure deployment) name, for diagnostics.</summary>
    string? ModelName { get; }

    /// <summary>One vector per text, in order. Throws <see cref="ModelUnavailableException"/> when the provider cannot answer.</summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <summary>The model provider did not answer in time, kept failing after retries, or its circuit is open.</summary>
public sealed class ModelUnavailableException(string message, Exception? inner = null, TimeSpan? retryAfter = null) : Exception(message, inner)
{
    /// <summary>While the circuit is open: how long until the provider is tried again (for <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
