namespace Chat9.Application.Documents.Processing;

/// <summary>The stable <c>code</c> values of health warnings (management-api.md, "Health").</summary>
public static class HealthWarningCodes
{
    public const string NoText = "no_text";
    public const string TooShort = "too_short";
    public const string ExtractionNoise = "extraction_noise";
    public const string NoHeadings = "no_headings";
    public const string LongSection = "long_section";
    public const string DuplicateContent = "duplicate_content";
    public const string IncompleteSection = "incomplete_section";
}
