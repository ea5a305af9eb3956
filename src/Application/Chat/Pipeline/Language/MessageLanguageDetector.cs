using System.Text;
using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// The built-in conversation-language detector (pipeline.md "Language"). The first message it is sure about fixes the
/// session's language for good, so it prefers saying nothing to guessing: "ok", "PDF?" or "Hallo" (German or Dutch?)
/// give <see langword="null"/> and the locale hints decide until a longer message arrives.
/// </summary>
/// <remarks>
/// Scripts decide first: Hangul is Korean, kana is Japanese, Han without kana is Chinese, Arabic letters are Arabic.
/// Cyrillic and Latin text is scored against word profiles and characteristic letters. Deterministic and offline.
/// </remarks>
public sealed partial class MessageLanguageDetector
{
    /// <summary>A profile must reach this score (with at least one word) to count.</summary>
    private const double MinScore = 2.0;

    /// <summary>The winner must beat the runner-up by this factor; closer races (Spanish against Portuguese) are ambiguous.</summary>
    private const double MinLeadFactor = 1.5;

    private const int MinHangul = 3;
    private const int MinJapanese = 3;
    private const int MinHan = 4;
    private const int MinArabic = 6;

    public string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prose = WithoutAddresses(text);
        var scripts = ScriptCounts.Of(prose);
        if (scripts.WeightedTotal == 0)
        {
            return null;
        }

        if (scripts.Dominates(scripts.WeightedEastAsian))
        {
            return DetectEastAsian(scripts);
        }

        if (scripts.Dominates(scripts.Arabic + scripts.NonArabicArabicScript))
        {
            return scripts.Arabic >= MinArabic && scripts.NonArabicArabicScript == 0 ? "ar" : null;
        }

        if (scripts.Dominates(scripts.Cyrillic))
        {
            return DetectCyrillic(prose.ToLowerInvariant());
        }

        return scripts.Dominates(scripts.Latin) ? DetectLatin(prose.ToLowerInvariant()) : null;
    }

    private static string? DetectEastAsian(ScriptCounts scripts)
    {
        if (scripts.Hangul > scripts.Han + scripts.Kana)
        {
            return scripts.Hangul >= MinHangul ? "ko" : null;
        }

        // Japanese writes grammar in kana; Chinese never uses it. Kanji-only Japanese is short (a heading or a noun).
        if (scripts.Kana > 0)
        {
            return scripts.Kana + scripts.Han >= MinJapanese ? "ja" : null;
        }

        return scripts.Han >= MinHan ? "zh" : null;
    }

    private static string? DetectCyrillic(string text)
    {
        if (text.Any(c => c is >= '\u0400' and <= '\u052F' && char.IsLetter(c) && !CyrillicWordProfiles.IsRussianOrUkrainianLetter(c)))
        {
            return null;
        }

        return Decide(Words(text), text, [CyrillicWordProfiles.Russian, CyrillicWordProfiles.Ukrainian]);
    }

    private static string? DetectLatin(string text) => Decide(Words(text), text, LatinWordProfiles.All);

    private static string? Decide(IReadOnlyList<string> words, string text, IReadOnlyList<WordProfile> profiles)
    {
        string? best = null;
        var bestScore = 0.0;
        var runnerUpScore = 0.0;
        foreach (var profile in profiles)
        {
            var wordHits = profile.CountWords(words);
            var score = wordHits == 0 ? 0.0 : wordHits + profile.ScoreLetters(text);
            if (score > bestScore)
            {
                runnerUpScore = bestScore;
                bestScore = score;
                best = profile.Language;
            }
            else if (score > runnerUpScore)
            {
                runnerUpScore = score;
            }
        }

        return bestScore >= MinScore && bestScore >= MinLeadFactor * runnerUpScore && bestScore > runnerUpScore ? best : null;
    }

    /// <summary>Words: runs of letters, so "l'export" gives "l" and "export", "can't" gives "can" and "t".</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Links and e-mail addresses are in no language, and their ".com" or "/de/" would only mislead.</summary>
    private static string WithoutAddresses(string text) => Address().Replace(text, " ");

    [GeneratedRegex(@"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\S+@\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
