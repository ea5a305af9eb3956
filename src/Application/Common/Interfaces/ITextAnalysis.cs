namespace Chat9.Application.Common.Interfaces;

/// <summary>Counts tokens the way the answer model will (o200k_base when the model's tokenizer is unknown).</summary>
public interface ITokenCounter
{
    int CountTokens(string text);
}

/// <summary>Detects the main language of a text among those Chat9 analyses (ISO 639-1, e.g. <c>en</c>, <c>de</c>).</summary>
public interface ILanguageDetector
{
    /// <summary>The detected language, or <c>null</c> when the text gives no clear signal.</summary>
    string? Detect(string text);
}

/// <summary>
/// The search terms of a text as retrieval sees them: case and diacritics folded, stop words removed, stemmed by the
/// language's rules. Lets the answer pipeline compare questions, FAQ entries and sentences the way BM25 does.
/// </summary>
public interface ITextTerms
{
    /// <param name="language">ISO 639-1 code; unsupported or missing languages get English rules.</param>
    IReadOnlyList<string> Analyze(string text, string? language);
}
