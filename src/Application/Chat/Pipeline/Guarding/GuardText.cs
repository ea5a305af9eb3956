using System.Globalization;
using System.Text;

namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// The forms of a visitor message that the phrase lists are matched against. People dodge phrase lists with case,
/// accents, full-width letters, zero-width characters, punctuation, leetspeak ("1gn0re"), look-alike letters from
/// another script and letter spacing ("i g n o r e"); folding these away lets one lowercase phrase catch the variants.
/// </summary>
internal sealed class GuardText
{
    /// <summary>This many single letters in a row ("i g n o r e") is spelling-out, not prose.</summary>
    private const int MinSpelledOutLetters = 4;

    private GuardText(string raw)
    {
        Raw = raw;
        Folded = Fold(raw);
        Words = ToWords(Folded);
        PaddedWords = $" {Words} ";
        var tokens = Words.Length == 0 ? [] : Words.Split(' ');
        WordCount = tokens.Length;
        IsSpelledOut = HasSpelledOutRun(tokens);
        Squashed = IsSpelledOut ? Words.Replace(" ", string.Empty, StringComparison.Ordinal) : Words;
    }

    /// <summary>The message as received.</summary>
    public string Raw { get; }

    /// <summary>Lowercase, accents and compatibility forms folded, invisible characters removed; punctuation kept.</summary>
    public string Folded { get; }

    /// <summary>
    /// <see cref="Folded"/> reduced to words separated by single spaces: punctuation and symbols become separators,
    /// leetspeak and look-alike letters inside a word are mapped to letters. A space (or either end) is therefore the
    /// only word boundary, which lets patterns match whole words without look-arounds. Apostrophes separate words too
    /// ("you're" → "you re", "l'aide" → "l aide").
    /// </summary>
    public string Words { get; }

    /// <summary><see cref="Words"/> with a space before and after, so that every word is framed by spaces.</summary>
    public string PaddedWords { get; }

    /// <summary><see cref="Words"/> without spaces when the message is spelled out letter by letter, else <see cref="Words"/>.</summary>
    public string Squashed { get; }

    /// <summary>Whether the message contains a run of single letters separated by spaces or punctuation.</summary>
    public bool IsSpelledOut { get; }

    public int WordCount { get; }

    public static GuardText Of(string message) => new(message);

    /// <summary>
    /// Lowercase; compatibility decomposition (full-width and styled letters become plain); combining marks dropped so
    /// "é", "ä", "й" and "أ" compare as their base letters (kana voicing marks are kept: they change the word); format
    /// characters (zero-width) removed; ß, ł, ø, æ, œ, ı and the like spelled with plain letters; the Ukrainian
    /// apostrophe letter (ʼ) made an apostrophe. Phrase lists are folded the same way, so they can be written with their
    /// natural spelling.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format || (category == UnicodeCategory.NonSpacingMark && c is not ('\u3099' or '\u309A')))
            {
                continue;
            }

            AppendPlain(builder, char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void AppendPlain(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ß': builder.Append("ss"); break;
            case 'æ': builder.Append("ae"); break;
            case 'œ': builder.Append("oe"); break;
            case 'þ': builder.Append("th"); break;
            case 'ł': builder.Append('l'); break;
            case 'ø': builder.Append('o'); break;
            case 'đ': builder.Append('d'); break;
            case 'ı': builder.Append('i'); break;
            case 'ħ': builder.Append('h'); break;
            case 'ʼ': builder.Append('\''); break;
            default: builder.Append(c); break;
        }
    }

    private static string ToWords(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        foreach (var token in folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var runes = Lookalikes.ToLatinInMixedWords(Leetspeak.ToLetters(token)).EnumerateRunes().ToArray();
            for (var i = 0; i < runes.Length; i++)
            {
                builder.Append(IsWordRune(runes, i) ? runes[i].ToString() : " ");
            }

            builder.Append(' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Letters, digits, kana voicing marks, and asterisks between letters ("f*ck", "f**k" stay one word).</summary>
    private static bool IsWordRune(Rune[] runes, int i)
    {
        var rune = runes[i];
        if (Rune.IsLetterOrDigit(rune) || rune.Value is 0x3099 or 0x309A)
        {
            return true;
        }

        if (rune.Value != '*')
        {
            return false;
        }

        var before = i;
        while (before >= 0 && runes[before].Value == '*')
        {
            before--;
        }

        var after = i;
        while (after < runes.Length && runes[after].Value == '*')
        {
            after++;
        }

        return before >= 0 && after < runes.Length && Rune.IsLetter(runes[before]) && Rune.IsLetter(runes[after]);
    }

    private static bool HasSpelledOutRun(string[] tokens)
    {
        var run = 0;
        foreach (var token in tokens)
        {
            run = token.Length == 1 && char.IsLetter(token[0]) ? run + 1 : 0;
            if (run >= MinSpelledOutLetters)
            {
                return true;
            }
        }

        return false;
    }
}
