namespace Chat9.Application.Common.Interfaces;

public enum PromptRole
{
    System,
    User,
    Assistant,
}

/// <summary>One message of a prompt sent to a chat model.</summary>
public sealed record PromptMessage(PromptRole Role, string Content);

/// <summary>What the answer model is asked: the whole prompt (system message first) and the output budget.</summary>
public sealed record AnswerRequest(IReadOnlyList<PromptMessage> Messages, int MaxOutputTokens);

/// <summary>One item of an answer model's stream: a piece of text, or the call's token usage (usually last).</summary>
public abstract record AnswerDelta;

public sealed record AnswerTextDelta(string Text) : AnswerDelta;

public sealed record AnswerUsageDelta(ModelUsage Usage) : AnswerDelta;

/// <summary>Token usage of one model call (pipeline.md "Token accounting"). <see cref="Purpose"/>: guard, answer, validation, embedding.</summary>
public sealed record ModelUsage(string Model, string Purpose, int PromptTokens, int CompletionTokens)
{
    public int Total => PromptTokens + CompletionTokens;
}

/// <summary>
/// The answer model (<c>gpt-5-mini</c> by default) behind OpenAI, Azure OpenAI or an OpenAI-compatible server.
/// With no answer model configured <see cref="IsConfigured"/> is false and the extractive answerer is used.
/// </summary>
public interface IAnswerModel
{
    bool IsConfigured { get; }

    string? ModelName { get; }

    /// <summary>
    /// Streams the answer. Failures before the first text are retried (pipeline.md "Resilience"); what survives, and any
    /// failure after text was streamed, ends the enumeration with <see cref="ModelUnavailableException"/> (outage,
    /// timeout, cut or malformed stream, open circuit) or <see cref="ModelContentRejectedException"/> (the provider
    /// refused the content). Usage is reported as an <see cref="AnswerUsageDelta"/> when the provider sends it.
    /// </summary>
    IAsyncEnumerable<AnswerDelta> StreamAsync(AnswerRequest request, CancellationToken cancellationToken);
}

/// <summary>The provider refused the request content (content policy, or input it cannot process): retrying will not help.</summary>
public sealed class ModelContentRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What the guard model thinks of a visitor message (pipeline.md section 1).</summary>
public enum GuardCategory
{
    Pass,
    PromptInjection,
    Abuse,
    OffTopic,
    Smalltalk,
    HumanRequest,
}

public sealed record GuardClassification(GuardCategory Category, double Score, ModelUsage Usage);

public sealed record GroundingVerdict(bool Grounded, ModelUsage Usage);

public sealed record Translation(string Text, ModelUsage Usage);

/// <summary>
/// The guard and validation model (<c>gpt-4o-mini</c> by default). Every method returns <c>null</c> when the model is
/// not configured or unavailable (after its short timeout and retries): callers then go on without it.
/// </summary>
public interface IGuardModel
{
    bool IsConfigured { get; }

    string? ModelName { get; }

    /// <summary>Classifies a (PII-redacted) visitor message; <paramref name="productContext"/> describes what the bot is about, for the topic check.</summary>
    Task<GuardClassification?> ClassifyAsync(string message, string productContext, CancellationToken cancellationToken);

    /// <summary>Checks that the claims of <paramref name="answer"/> are supported by <paramref name="context"/>.</summary>
    Task<GroundingVerdict?> CheckGroundingAsync(string answer, IReadOnlyList<string> context, CancellationToken cancellationToken);

    /// <summary>Translates a short text (a custom greeting, an FAQ answer) into the language with ISO 639-1 code <paramref name="language"/>.</summary>
    Task<Translation?> TranslateAsync(string text, string language, CancellationToken cancellationToken);
}
