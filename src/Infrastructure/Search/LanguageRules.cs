using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Chat9.Infrastructure.Search;

/// <summary>How one supported language turns folded words into terms: its stop words, elided articles and Snowball stemmer.</summary>
internal sealed class LanguageRules
{
    public static readonly LanguageRules English = new("en", 0, StopWords.English, [], () => new EnglishStemmer());
    public static readonly LanguageRules German = new("de", 1, StopWords.German, [], () => new GermanStemmer());
    public static readonly LanguageRules Spanish = new("es", 2, StopWords.Spanish, [], () => new SpanishStemmer());

    public static readonly LanguageRules French = new(
        "fr", 3, StopWords.French, ["c", "d", "j", "l", "m", "n", "qu", "s", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"], () => new FrenchStemmer());

    /// <summary>Every supported language; a language's <see cref="Index"/> is its position here.</summary>
    public static readonly IReadOnlyList<LanguageRules> All = [English, German, Spanish, French];

    // Snowball stemmers keep the word being stemmed in mutable fields, so every thread gets its own instances.
    [ThreadStatic]
    private static SnowballProgram?[]? t_stemmers;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _elidedWords;
    private readonly Func<SnowballProgram> _createStemmer;

    private LanguageRules(string code, int index, string[] stopWords, string[] elidedWords, Func<SnowballProgram> createStemmer)
    {
        Code = code;
        Index = index;
        _stopWords = stopWords.Select(Fold).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _elidedWords = elidedWords.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _createStemmer = createStemmer;
    }

    /// <summary>ISO 639-1 code.</summary>
    public string Code { get; }

    public int Index { get; }

    /// <summary>The rules for an ISO 639-1 code or a tag such as "de-CH"; English for a missing or unsupported language.</summary>
    public static LanguageRules Resolve(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return English;
        }

        var primary = language.AsSpan();
        var subtag = primary.IndexOfAny('-', '_');
        if (subtag >= 0)
        {
            primary = primary[..subtag];
        }

        foreach (var rules in All)
        {
            if (primary.Equals(rules.Code, StringComparison.OrdinalIgnoreCase))
            {
                return rules;
            }
        }

        return English;
    }

    /// <param name="word">A folded word, as <see cref="FoldedWordReader"/> produces it.</param>
    public bool IsStopWord(ReadOnlySpan<char> word) => _stopWords.Contains(word);

    /// <summary>Cuts an elided article or pronoun off a folded word ("lexport" with the apostrophe after "l" → "export").</summary>
    public ReadOnlySpan<char> RemoveElision(ReadOnlySpan<char> word, int apostropheIndex) =>
        apostropheIndex > 0 && _elidedWords.Contains(word[..apostropheIndex]) ? word[apostropheIndex..] : word;

    public string Stem(string word)
    {
        var stemmers = t_stemmers ??= new SnowballProgram?[All.Count];
        var stemmer = stemmers[Index] ??= _createStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static string Fold(string word)
    {
        Span<char> buffer = stackalloc char[FoldedWordReader.MaxWordLength];
        var reader = new FoldedWordReader(word, buffer);
        return reader.MoveNext() ? reader.Current.ToString() : throw new ArgumentException($"'{word}' is not a word.", nameof(word));
    }
}
