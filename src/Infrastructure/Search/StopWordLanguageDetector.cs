using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Search;

/// <summary>
/// Detects the language of a text among those <see cref="TextAnalyzer"/> supports by counting each language's stop words:
/// function words are the most frequent words of any running text and differ between languages.
/// </summary>
public sealed class StopWordLanguageDetector : ILanguageDetector
{
    /// <summary>The opening words of a document show its language; reading further only costs time.</summary>
    private const int WordsRead = 2_000;

    /// <summary>Generously holds <see cref="WordsRead"/> words, so a book is never normalized as a whole.</summary>
    private const int CharactersRead = 30_000;

    /// <summary>Below this many hits a text is too short, or not prose (code, tables, identifiers), to tell.</summary>
    private const int MinimumHits = 5;

    /// <summary>The lists share words ("de", "la", "in"), so the winner must clearly beat the runner-up.</summary>
    private const double DominanceRatio = 1.5;

    public string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var languages = LanguageRules.All;
        Span<int> hits = stackalloc int[languages.Count];
        Span<char> buffer = stackalloc char[FoldedWordReader.MaxWordLength];
        var words = new FoldedWordReader(text.Length > CharactersRead ? text[..CharactersRead] : text, buffer);
        for (var read = 0; read < WordsRead && words.MoveNext(); read++)
        {
            for (var i = 0; i < languages.Count; i++)
            {
                if (languages[i].IsStopWord(words.Current))
                {
                    hits[i]++;
                }
            }
        }

        var best = 0;
        var runnerUpHits = 0;
        for (var i = 1; i < languages.Count; i++)
        {
            if (hits[i] > hits[best])
            {
                runnerUpHits = hits[best];
                best = i;
            }
            else
            {
                runnerUpHits = Math.Max(runnerUpHits, hits[i]);
            }
        }

        return hits[best] >= MinimumHits && hits[best] >= runnerUpHits * DominanceRatio ? languages[best].Code : null;
    }
}
