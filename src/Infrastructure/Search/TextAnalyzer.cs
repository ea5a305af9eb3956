using Chat9.Application.Common.Interfaces;
namespace Chat9.Infrastructure.Search;

/// <summary>
/// Turns text into the terms BM25 indexes and searches: words are case- and diacritics-folded (see
/// <see cref="FoldedWordReader"/>), stop words dropped and the rest reduced to their Snowball stem, with the rules of the
/// text's language. Thread-safe; meant to be shared, because its cache makes later calls faster.
/// </summary>
/// <remarks>
/// Words are folded before stemming, so "exportación" and "exportacion" always give the same term whichever way a
/// user types them. The price: Snowball suffixes spelled with accents (Spanish "-ción", French "-ité") no longer match,
/// and such words keep a longer stem.
/// </remarks>
public sealed class TextAnalyzer : ITextTerms
{
    private const int CachedWordsPerLanguage = 50_000;

    private static readonly string[] LanguageCodes = LanguageRules.All.Select(rules => rules.Code).ToArray();

    private readonly TermCache[] _caches = LanguageRules.All.Select(_ => new TermCache(CachedWordsPerLanguage)).ToArray();

    /// <summary>ISO 639-1 codes of the languages with their own stop words and stemmer.</summary>
    public IReadOnlyList<string> SupportedLanguages => LanguageCodes;

    /// <param name="language">ISO 639-1 code or language tag; a missing or unsupported language gets English rules.</param>
    public IReadOnlyList<string> Analyze(string text, string? language) => Analyze(text, LanguageRules.Resolve(language));

    internal List<string> Analyze(string text, LanguageRules rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cache = _caches[rules.Index];
        var terms = new List<string>();
        Span<char> buffer = stackalloc char[FoldedWordReader.MaxWordLength];
        var words = new FoldedWordReader(text, buffer);
        while (words.MoveNext())
        {
            var word = rules.RemoveElision(words.Current, words.ApostropheIndex);
            if (!cache.TryGet(word, out var term))
            {
                term = ToTerm(word, rules);
                cache.Add(word, term);
            }

            if (term.Length > 0)
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <returns>The stem, or an empty string for a stop word.</returns>
    private static string ToTerm(ReadOnlySpan<char> word, LanguageRules rules) =>
        rules.IsStopWord(word) ? string.Empty : rules.Stem(word.ToString());
}
