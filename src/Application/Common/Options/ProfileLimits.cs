namespace Chat9.Application.Common.Options;

/// <summary>
/// Sizes of the knowledge profile (limits.md "Profile", configuration <c>Limits:Profile:*</c>). <c>PATCH
/// /knowledge/profile</c> rejects larger values; extraction (model or heuristic) drops or shortens what does not fit.
/// </summary>
public sealed class ProfileLimits
{
    public int ProductNameMaxChars { get; set; } = 200;

    public int SummaryMaxChars { get; set; } = 2000;

    public int MaxTopics { get; set; } = 50;

    public int TopicMaxChars { get; set; } = 100;

    public int MaxGlossaryEntries { get; set; } = 200;

    public int GlossaryTermMaxChars { get; set; } = 100;

    public int GlossaryDefinitionMaxChars { get; set; } = 1000;
}
