using System.Globalization;
using System.Text;

namespace Chat9.Infrastructure.Search;

/// <summary>
/// Splits text into words and folds each one into a caller-provided buffer, without allocating per word:
/// compatibility decomposition (NFKD, so "ﬁ" is "fi" and "²" is "2"), diacritics removed, lower case, and the letters
/// NFKD leaves alone spelled out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ → d).
/// </summary>
/// <remarks>
/// A word is a run of letters and digits ("v2", "oauth2" stay whole). An apostrophe between two word characters joins
/// them ("don't" → "dont") and its position is reported, so French elisions ("l'export") can be cut off. Every other
/// character separates words, except diacritics and invisible format characters such as soft hyphens, which are dropped.
/// CJK ideographs and hiragana are one word each: those scripts do not put spaces between words.
/// Characters outside the Basic Multilingual Plane (emoji, historic scripts) separate words.
/// </remarks>
internal ref struct FoldedWordReader
{
    /// <summary>Longer runs (hashes, base64, minified code) are skipped: nobody searches for them and they bloat the index.</summary>
    public const int MaxWordLength = 64;

    private readonly string _text;
    private readonly Span<char> _buffer;
    private int _position;
    private int _length;

    /// <param name="buffer">Receives the current word; at least <see cref="MaxWordLength"/> characters.</param>
    public FoldedWordReader(string text, Span<char> buffer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buffer.Length, MaxWordLength, nameof(buffer));
        _text = Decompose(text);
        _buffer = buffer;
    }

    private enum CharKind
    {
        Separator,
        WordChar,
        Ignorable,
        Apostrophe,
        Ideograph,
    }

    /// <summary>The current folded word; valid until the next <see cref="MoveNext"/>.</summary>
    public readonly ReadOnlySpan<char> Current => _buffer[.._length];

    /// <summary>How many folded characters of <see cref="Current"/> precede its first apostrophe; 0 when it has none.</summary>
    public int ApostropheIndex { get; private set; }

    public bool MoveNext()
    {
        _length = 0;
        ApostropheIndex = 0;
        var tooLong = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Fast path for the bulk of most texts; setting bit 0x20 lower-cases an ASCII letter and keeps a digit.
                _position++;
                tooLong |= !TryAppend((char)(c | 0x20), '\0');
                continue;
            }

            var kind = Classify(c);
            switch (kind)
            {
                case CharKind.WordChar:
                    _position++;
                    tooLong |= !TryAppend(c);
                    continue;
                case CharKind.Ignorable:
                    _position++;
                    continue;
                case CharKind.Apostrophe when _length > 0 && NextIsWordChar():
                    _position++;
                    if (ApostropheIndex == 0)
                    {
                        ApostropheIndex = _length;
                    }

                    continue;
                case CharKind.Ideograph when _length == 0:
                    _position++;
                    TryAppend(c);
                    return true;
            }

            // An ideograph ending a word is left in place to be the next word; anything else is consumed.
            if (kind != CharKind.Ideograph)
            {
                _position++;
            }

            if (_length > 0)
            {
                if (!tooLong)
                {
                    return true;
                }

                _length = 0;
                ApostropheIndex = 0;
                tooLong = false;
            }
        }

        return _length > 0 && !tooLong;
    }

    /// <summary>Compatibility decomposition, so that diacritics become separate marks that <see cref="MoveNext"/> drops.</summary>
    private static string Decompose(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Lone surrogates (seen in text extracted from damaged PDFs) make normalization throw;
            // a UTF-8 round trip replaces them with U+FFFD, which is a separator.
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Normalize(NormalizationForm.FormKD);
        }
    }

    private static CharKind Classify(char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) ? CharKind.WordChar : c == '\'' ? CharKind.Apostrophe : CharKind.Separator;
        }

        if (c is '\u2019' or '\u02BC')
        {
            return CharKind.Apostrophe;
        }

        if (c is >= '\u3040' and <= '\u309F' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF')
        {
            return CharKind.Ideograph;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.SpacingCombiningMark => CharKind.WordChar,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => CharKind.Ignorable,
            // Soft hyphens and zero-width joiners sit inside words; the zero-width space is a word break.
            UnicodeCategory.Format => c == '\u200B' ? CharKind.Separator : CharKind.Ignorable,
            _ => CharKind.Separator,
        };
    }

    private readonly bool NextIsWordChar() => _position + 1 < _text.Length && Classify(_text[_position + 1]) == CharKind.WordChar;

    /// <summary>Appends the folded form of a letter or digit; false when the word would exceed <see cref="MaxWordLength"/>.</summary>
    private bool TryAppend(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var (first, second) = lower switch
        {
            'ß' => ('s', 's'),
            'æ' => ('a', 'e'),
            'œ' => ('o', 'e'),
            'ø' => ('o', '\0'),
            'ł' => ('l', '\0'),
            'đ' => ('d', '\0'),
            _ => (lower, '\0'),
        };

        return TryAppend(first, second);
    }

    /// <param name="second">A second folded character, or '\0'.</param>
    private bool TryAppend(char first, char second)
    {
        var needed = second == '\0' ? 1 : 2;
        if (_length + needed > MaxWordLength)
        {
            return false;
        }

        _buffer[_length++] = first;
        if (second != '\0')
        {
            _buffer[_length++] = second;
        }

        return true;
    }
}
