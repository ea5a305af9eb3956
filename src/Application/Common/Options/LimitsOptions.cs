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

    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    public int MaxCompressionRatio { get; set; } = 100;

    public int MaxDocumentChars { get; set; } = 5_000_000;

    public int ProcessingTimeoutMinutes { get; set; } = 10;

    public int ChunkTargetTokens { get; set; } = 450;

    public int ChunkMaxTokens { get; set; } = 800;

    public int ContextMaxTokens { get; set; } = 3000;

    public int ContextMaxChunks { get; set; } = 8;

    public int RetrievalCandidates { get; set; } = 20;

    public int RrfK { get; set; } = 60;

    public double LowConfidenceThresholdVector { get; set; } = 0.45;

    public double LowConfidenceThresholdLexical { get; set; } = 0.35;

    public int CrawlDefaultMaxPages { get; set; } = 200;

    public int CrawlMaxPagesCeiling { get; set; } = 1000;

    public int MaxExclusions { get; set; } = 50;

    public int SourceRefreshCooldownMinutes { get; set; } = 60;

    public int DefaultPageSize { get; set; } = 50;

    public int MaxPageSize { get; set; } = 200;

    public int SessionTurnWaitSeconds { get; set; } = 30;

    /// <summary>
    /// How long a turn lease outlives the answer timeout (retrieval, checks and storing the reply run outside it); it is
    /// also how long a session stays busy after the process holding it died.
    /// </summary>
    public int TurnLeaseMarginSeconds { get; set; } = 90;

    public int MemoryMessages { get; set; } = 6;

    public int MemoryMessageMaxChars { get; set; } = 1500;

    public int ClarifyingQuestionsPerSession { get; set; } = 1;

    public double FaqMatchThresholdVector { get; set; } = 0.92;

    public double FaqMatchThresholdLexical { get; set; } = 0.85;

    public int MaxSources { get; set; } = 5;

    public int AnswerMaxTokens { get; set; } = 800;

    public int SseHeartbeatSeconds { get; set; } = 15;

    public int TicketExcerptMessages { get; set; } = 10;

    public int IdempotencyHours { get; set; } = 24;

    public int IdempotencyKeyMaxChars { get; set; } = 255;

    public int UserNoteMaxChars { get; set; } = 2000;

    /// <summary>Why an operator dismissed a gap (limits.md).</summary>
    public int DismissReasonMaxChars { get; set; } = 500;

    public int IdentityTokenMaxChars { get; set; } = 4096;

    public int UserIdMaxChars { get; set; } = 128;

    public int NameMaxChars { get; set; } = 200;

    public int PlanTierMaxChars { get; set; } = 64;

    public int LocaleMaxChars { get; set; } = 35;

    public int IdentityTokenMaxLifetimeHours { get; set; } = 24;

    public int IdentityClockSkewSeconds { get; set; } = 60;

    public int ResumeWindowDays { get; set; } = 7;

    public int WidgetHistoryMaxMessages { get; set; } = 100;

    public int WidgetSessionTtlHours { get; set; } = 24;

    public int ResolutionTextMaxChars { get; set; } = 8000;

    public int IdealAnswerMaxChars { get; set; } = 8000;

    public int FaqQuestionMaxChars { get; set; } = 500;

    public int FaqAnswerMaxChars { get; set; } = 8000;

    /// <summary>New FAQ candidates one suggestion run may add; the rest come in the next run.</summary>
    public int FaqCandidatesPerRun { get; set; } = 20;

    /// <summary>The knowledge profile's sizes (<c>Limits:Profile:*</c>), for edits and extraction alike.</summary>
    public ProfileLimits Profile { get; set; } = new();
}
