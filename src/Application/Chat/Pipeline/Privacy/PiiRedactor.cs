using System.Text;
using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Privacy;

/// <summary>
/// PII redaction of pipeline.md: before end-user text leaves for an external model, e-mail addresses, phone numbers,
/// card numbers and IBANs are replaced by numbered placeholders (<c>[EMAIL_1]</c>, <c>[PHONE_1]</c>, <c>[CARD_1]</c>,
/// <c>[IBAN_1]</c>); <see cref="Restore"/> puts the originals back into the model's output.
/// </summary>
/// <remarks>
/// One instance serves one turn: numbering is shared by every text it redacts, so the same value in the history and in
/// the question gets the same placeholder and the model can relate them. Not thread-safe. Input is hostile, so every
/// pattern is written to scan in linear time and runs under a match timeout; if a scan still times out the text is
/// redacted coarsely (fail closed) rather than sent as it is.
/// </remarks>
public sealed partial class PiiRedactor
{
    private const int MatchTimeoutMilliseconds = 200;
    private const int IbanMinLength = 15;
    private const int IbanMaxLength = 34;
    private const string CoarseRedaction = "[REDACTED]";

    private readonly Dictionary<(PiiKind Kind, string Value), string> _placeholderByValue = [];
    private readonly Dictionary<string, string> _originalByPlaceholder = new(StringComparer.Ordinal);
    private readonly Dictionary<PiiKind, int> _distinct = new()
    {
        [PiiKind.Email] = 0,
        [PiiKind.Phone] = 0,
        [PiiKind.Card] = 0,
        [PiiKind.Iban] = 0,
    };

    /// <summary>Distinct values found so far per type (keys <c>email</c>, <c>phone</c>, <c>card</c>, <c>iban</c>); never the values.</summary>
    public IReadOnlyDictionary<string, int> Counts => _distinct.ToDictionary(entry => entry.Key.CountKey(), entry => entry.Value);

    /// <summary>Replaces every finding in <paramref name="text"/> by its placeholder.</summary>
    public RedactedText Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new RedactedText(text, 0);
        }

        var redactions = 0;
        try
        {
            // Order matters: an e-mail may contain digits, an IBAN's digits may pass Luhn, a card number is also 13–19 digits.
            var result = EmailPattern().Replace(text, match => Placeholder(PiiKind.Email, match.Value, match.Value.ToLowerInvariant(), ref redactions));
            result = IbanPattern().Replace(result, match => RedactIban(match.Value, ref redactions));
            var beforeCards = result;
            result = DigitRunPattern().Replace(beforeCards, match => RedactDigitRun(beforeCards, match, PiiKind.Card, ref redactions));
            var beforePhones = result;
            result = DigitRunPattern().Replace(beforePhones, match => RedactDigitRun(beforePhones, match, PiiKind.Phone, ref redactions));
            return new RedactedText(result, redactions);
        }
        catch (RegexMatchTimeoutException)
        {
            return RedactCoarsely(text);
        }
    }

    /// <summary>
    /// Puts the original values back in place of the placeholders this instance handed out. Placeholders it does not
    /// know (the model made them up) stay as they are.
    /// </summary>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_originalByPlaceholder.Count == 0 || !text.Contains('[', StringComparison.Ordinal))
        {
            return text;
        }

        return PlaceholderPattern().Replace(text, match => _originalByPlaceholder.GetValueOrDefault(match.Value, match.Value));
    }

    private string Placeholder(PiiKind kind, string original, string value, ref int redactions)
    {
        redactions++;
        if (_placeholderByValue.TryGetValue((kind, value), out var existing))
        {
            return existing;
        }

        var number = ++_distinct[kind];
        var placeholder = $"[{kind.PlaceholderLabel()}_{number}]";
        _placeholderByValue[(kind, value)] = placeholder;
        _originalByPlaceholder[placeholder] = original;
        return placeholder;
    }

    /// <summary>
    /// The pattern takes up to 34 letters and digits in single-space groups, which can run into the next word; the
    /// longest prefix that ends at a group boundary and passes mod 97 is the IBAN, the rest stays.
    /// </summary>
    private string RedactIban(string candidate, ref int redactions)
    {
        var compact = new StringBuilder(IbanMaxLength);
        var ends = new List<int>(IbanMaxLength);
        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] != ' ')
            {
                compact.Append(char.ToUpperInvariant(candidate[i]));
                ends.Add(i + 1);
            }
        }

        for (var length = Math.Min(compact.Length, IbanMaxLength); length >= IbanMinLength; length--)
        {
            var end = ends[length - 1];
            var atGroupBoundary = end == candidate.Length || candidate[end] == ' ';
            if (atGroupBoundary && PiiChecksums.PassesIbanMod97(compact.ToString(0, length)))
            {
                var iban = Placeholder(PiiKind.Iban, candidate[..end], compact.ToString(0, length), ref redactions);
                return iban + candidate[end..];
            }
        }

        return candidate;
    }

    private string RedactDigitRun(string input, Match match, PiiKind kind, ref int redactions)
    {
        // "1234567abc" is an identifier, not a number.
        var next = match.Index + match.Length;
        if (next < input.Length && IsWordCharacter(input[next]))
        {
            return match.Value;
        }

        var candidate = match.Value;
        var run = DigitRun.Parse(candidate);
        var spans = kind == PiiKind.Card ? PaymentCardRule.Find(run) : PhoneNumberRule.Find(run);
        if (spans.Count == 0)
        {
            return candidate;
        }

        var result = new StringBuilder(candidate.Length);
        var position = 0;
        foreach (var (start, end) in spans)
        {
            var original = candidate[start..end];
            var digits = string.Concat(original.Where(char.IsAsciiDigit));
            var value = kind == PiiKind.Phone && original.StartsWith('+') ? "+" + digits : digits;
            result.Append(candidate, position, start - position).Append(Placeholder(kind, original, value, ref redactions));
            position = end;
        }

        return result.Append(candidate, position, candidate.Length - position).ToString();
    }

    /// <summary>
    /// The fail-closed path for input that made a pattern time out: every whitespace-separated token that holds a digit
    /// or an "@" is replaced, so nothing that could be personal data leaves, at the cost of answer quality for this text.
    /// </summary>
    private static RedactedText RedactCoarsely(string text)
    {
        var result = new StringBuilder(text.Length);
        var redactions = 0;
        var tokenStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var atSpace = i == text.Length || char.IsWhiteSpace(text[i]);
            if (!atSpace)
            {
                tokenStart = tokenStart < 0 ? i : tokenStart;
                continue;
            }

            if (tokenStart >= 0)
            {
                var token = text.AsSpan(tokenStart, i - tokenStart);
                if (token.IndexOfAny("0123456789@") >= 0)
                {
                    result.Append(CoarseRedaction);
                    redactions++;
                }
                else
                {
                    result.Append(token);
                }

                tokenStart = -1;
            }

            if (i < text.Length)
            {
                result.Append(text[i]);
            }
        }

        return new RedactedText(result.ToString(), redactions);
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// RFC 5322-style address (dot-atom local part, Unicode letters allowed). The look-behind lets a match start only
    /// where a local part can start, so a long run without "@" is scanned once, not once per character.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-])[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex EmailPattern();

    /// <summary>Country code, two check digits, then letters and digits in single-space groups; checked by mod 97 in code.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])[A-Za-z]{2}[0-9]{2}(?:\x20?[A-Za-z0-9]){11,30}",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex IbanPattern();

    /// <summary>
    /// A whole run of digit groups (optional "+", parentheses, up to two of space / dot / dash between groups), taken
    /// atomically so the scan never backtracks into it; the card and phone rules decide in code which parts qualify.
    /// Not after a letter or digit, nor after "v." style prefixes (<c>v2.10.4</c>, <c>a-123</c>).
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_+]|[\p{L}\p{N}_][.\-])\+?(?>\(?[0-9]+\)?(?:[\x20\u00A0.\-]{0,2}\(?[0-9]+\)?)*)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(
        @"\[(?:EMAIL|PHONE|CARD|IBAN)_[0-9]{1,6}\]",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex PlaceholderPattern();
}
