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
