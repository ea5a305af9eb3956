using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chat9.Application.Documents.Processing;

/// <summary>Language-neutral measures of extracted text that the health check is built on.</summary>
internal static partial class TextMeasures
{
    /// <summary>
    /// Words: runs of non-white-space characters that contain a letter or digit (so "—" or "|" are not words).
    /// Chinese and Japanese do not separate words with spaces, so each ideograph or kana counts as a word.
    /// </summary>
    public static int CountWords(string text)
    {
        var words = 0;
        var runHasWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                words += runHasWord ? 1 : 0;
                runHasWord = false;
            }
            else if (IsIdeographOrKana(c))
            {
                words++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                runHasWord = true;
            }
        }

        return words + (runHasWord ? 1 : 0);
    }

    /// <summary>
    /// Counts the characters (Unicode scalar values, white space excluded) of <paramref name="text"/> and how many of
    /// them are noise: replacement characters (U+FFFD, also for broken surrogates), control and private-use
    /// characters, every character of a mojibake sequence (UTF-8 read as Windows-1252: "Ã©", "Ã¼", "â€™"), and, when
    /// <paramref name="countSymbols"/>, non-ASCII symbols (■, □, ▪ and the like). ASCII symbols do not count: <c>$ + &lt; = ` |</c>
    /// are ordinary in technical prose.
    /// </summary>
    public static (int Characters, int Noisy) CountNoise(string text, bool countSymbols)
    {
        var mojibake = Mojibake().Matches(text);
        var nextMatch = 0;
        var position = 0;
        var characters = 0;
        var noisy = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var at = position;
            position += rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            characters++;
            while (nextMatch < mojibake.Count && mojibake[nextMatch].Index + mojibake[nextMatch].Length <= at)
            {
                nextMatch++;
            }

            var inMojibake = nextMatch < mojibake.Count && mojibake[nextMatch].Index <= at;
            if (inMojibake || IsGarbage(rune) || (countSymbols && IsNonAsciiSymbol(rune)))
            {
                noisy++;
            }
        }

        return (characters, noisy);
    }

    private static bool IsIdeographOrKana(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsGarbage(Rune rune) =>
        rune == Rune.ReplacementChar || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.PrivateUse;

    private static bool IsNonAsciiSymbol(Rune rune) =>
        !rune.IsAscii && Rune.GetUnicodeCategory(rune) is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;

    /// <summary>A UTF-8 continuation byte (0x80–0xBF) as Windows-1252 or Latin-1 shows it.</summary>
    private const string ContinuationByte =
        "[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]";

    /// <summary>
    /// UTF-8 read as Windows-1252: a lead byte shown as Â, Ã, Ä, Å, Ð or Ñ (Latin-1, Latin Extended-A and Cyrillic
    /// letters) followed by a continuation byte, or "â€" (E2 80: curly quotes, dashes, ellipsis) and its third byte.
    /// </summary>
    [GeneratedRegex("[ÂÃÄÅÐÑ]" + ContinuationByte + "|â€" + ContinuationByte + "?", RegexOptions.CultureInvariant)]
    private static partial Regex Mojibake();
}
