namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Writes for the Gap Analyzer with the guard model: a gap's title and a documentation draft. Every method returns
/// <c>null</c> when no model is configured or it is unavailable; the analyzer then uses its offline forms. Questions
/// are PII-redacted by the caller.
/// </summary>
public interface IGapWriter
{
    bool IsConfigured { get; }

    /// <summary>A short title (a few words) for what the questions ask about.</summary>
    Task<string?> TitleAsync(IReadOnlyList<string> questions, CancellationToken cancellationToken);

    /// <summary>A Markdown documentation section answering the questions, grounded in <paramref name="context"/> only.</summary>
    Task<string?> DraftAsync(string title, IReadOnlyList<string> questions, IReadOnlyList<string> context, CancellationToken cancellationToken);
}
