using System.Text;

namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// How many letters of each writing system a message has. Most supported languages are told apart by script alone;
/// only Latin and Cyrillic text needs word profiles.
/// </summary>
internal sealed class ScriptCounts
{
    /// <summary>
    /// Chinese, Japanese and Korean pack a word into one or two characters where Latin needs five or so; weighting them
    /// keeps a Latin product name ("Acme Notes") from outvoting the sentence around it.
    /// </summary>
    private const int IdeographicWeight = 3;

    public int Latin { get; private set; }

    public int Cyrillic { get; private set; }

    public int Arabic { get; private set; }

    /// <summary>Arabic-script letters that Arabic itself does not use (Persian and Urdu: پ چ ژ گ ک ی and the like).</summary>
    public int NonArabicArabicScript { get; private set; }

    public int Han { get; private set; }

    public int Kana { get; private set; }

    public int Hangul { get; private set; }

    public int Other { get; private set; }

    /// <summary>Han, kana and Hangul weighted so that one ideograph or syllable counts like a short Latin word.</summary>
    public int WeightedEastAsian => IdeographicWeight * (Han + Kana + Hangul);

    /// <summary>All letters, East Asian ones weighted as in <see cref="WeightedEastAsian"/>.</summary>
    public int WeightedTotal => Latin + Cyrillic + Arabic + NonArabicArabicScript + Other + WeightedEastAsian;

    public static ScriptCounts Of(string text)
    {
        var counts = new ScriptCounts();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                counts.Add(rune.Value);
            }
        }

        return counts;
    }

    /// <summary>Whether the given (weighted) letters make up more than half of the text's weighted letters.</summary>
    public bool Dominates(int weightedLetters) => weightedLetters * 2 > WeightedTotal;

    private void Add(int c)
    {
        switch (c)
        {
            case <= 0x024F or (>= 0x1E00 and <= 0x1EFF):
                Latin++;
                break;
            case >= 0x0400 and <= 0x052F:
                Cyrillic++;
                break;
            case >= 0x0600 and <= 0x06FF or (>= 0x0750 and <= 0x077F) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF):
                if (IsArabicLetter(c))
                {
                    Arabic++;
                }
                else
                {
                    NonArabicArabicScript++;
                }

                break;
            case (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F):
                Kana++;
                break;
            case (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x2FA1F):
                Han++;
                break;
            case (>= 0xAC00 and <= 0xD7AF) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F):
                Hangul++;
                break;
            default:
                Other++;
                break;
        }
    }

    /// <summary>The 28 letters of the Arabic alphabet with their hamza, alif and ta marbuta forms (U+0621–U+064A).</summary>
    private static bool IsArabicLetter(int c) => c is >= 0x0621 and <= 0x064A;
}
