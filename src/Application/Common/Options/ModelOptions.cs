namespace Chat9.Application.Common.Options;

public enum ModelProvider
{
    None,
    OpenAI,
    Azure,
    OpenAICompatible,
}

/// <summary>Configuration section <c>Models</c> (admin.md, limits.md). With <c>Provider = None</c> Chat9 never calls a model.</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Models";

    public ModelProvider Provider { get; set; } = ModelProvider.None;

    public string? ApiKey { get; set; }

    /// <summary>Azure resource endpoint, or the base URL of an OpenAI-compatible server.</summary>
    public string? Endpoint { get; set; }

    public string? AnswerModel { get; set; } = "gpt-5-mini";

    public string? GuardModel { get; set; } = "gpt-4o-mini";

    public string? EmbeddingModel { get; set; } = "text-embedding-3-small";

    public int EmbeddingTimeoutSeconds { get; set; } = 10;

    public int FirstTokenTimeoutSeconds { get; set; } = 20;

    public int AnswerTimeoutSeconds { get; set; } = 90;

    public int GuardTimeoutSeconds { get; set; } = 5;

    public int MaxRetries { get; set; } = 2;

    public int BreakerFailures { get; set; } = 5;

    public int BreakerOpenSeconds { get; set; } = 30;
}
