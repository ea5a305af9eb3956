using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// What text in one language tends to contain: its most frequent short words (articles, pronouns, question words,
/// prepositions, which every sentence needs whatever its topic), for languages that glue grammar onto words (Turkish)
/// the endings that do that job, and the letters only it, or few others, use.
/// </summary>
internal sealed class WordProfile
{
    /// <summary>Letters add at most this much, so a name with an umlaut cannot outweigh the words around it.</summary>
    private const double MaxLetterHints = 2.0;

    /// <summary>An ending counts only on a word at least this much longer than the ending ("lar" is not Turkish "-lar").</summary>
    private const int MinStemLength = 2;

    private readonly FrozenSet<string> _words;
    private readonly string[] _endings;
    private readonly FrozenDictionary<char, double> _letterHints;

    public WordProfile(string language, string words, IReadOnlyDictionary<char, double>? letterHints = null, string endings = "")
    {
        Language = language;
        _words = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
        _endings = endings.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _letterHints = (letterHints ?? new Dictionary<char, double>()).ToFrozenDictionary();
    }

    public string Language { get; }

    /// <summary>How many of the (lowercase) words belong to this profile or carry one of its endings, each occurrence counted.</summary>
    public int CountWords(IEnumerable<string> words) => words.Count(word => _words.Contains(word) || HasEnding(word));

    private bool HasEnding(string word) =>
        _endings.Any(ending => word.Length >= ending.Length + MinStemLength && word.EndsWith(ending, StringComparison.Ordinal));

    /// <summary>The weight of the characteristic letters in the (lowercase) text, capped.</summary>
    public double ScoreLetters(string text)
    {
        var score = 0.0;
        foreach (var c in text)
        {
            if (_letterHints.TryGetValue(c, out var weight))
            {
                score += weight;
            }
        }

        return Math.Min(score, MaxLetterHints);
    }
}
