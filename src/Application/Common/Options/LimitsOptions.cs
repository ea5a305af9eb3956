namespace Chat9.Application.Common.Options;

/// <summary>Server-wide limits (configuration section <c>Limits</c>, limits.md).</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    public int MessageMaxChars { get; set; } = 1000;

    public int JsonBodyMaxBytes { get; set; } = 64 * 1024;

    public int MaxKnowledgeItems { get; set; } = 100;

    public long MaxFileBytes { get; set; } = 52_428_800;

    public int BotNameMaxChars { get; set; } = 100;

    public int GreetingMaxChars { get; set; } = 500;

    public int InstructionsMaxChars { get; set; } = 3000;

    public int AllowedDomainsMax { get; set; } = 50;

    public int UrlMaxChars { get; set; } = 2048;

    public int EmailMaxChars { get; set; } = 320;

    public int ApiKeyGraceHours { get; set; } = 24;

    public int WebhookSecretGraceHours { get; set; } = 24;

    public int IdentitySecretGraceMinutes { get; set; } = 60;

    public int DefaultPageSize { get; set; } = 50;

    public int MaxPageSize { get; set; } = 200;
}
