using System.Globalization;
using System.Text;
using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common;

namespace Chat9.Application.Chat.Common;

/// <summary>
/// Input normalisation of pipeline.md: Unicode NFC; control characters (except newline and tab), zero-width and
/// bidirectional-override characters removed; trimmed. Then the contract's checks: empty → <c>422 message_required</c>,
/// over the limit → <c>413 message_too_long</c> with <c>max_chars</c>.
/// </summary>
public static class VisitorText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Filtered before composing: the normaliser throws on noncharacters (U+FFFE, U+FFFF), which are dropped here anyway.
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsAllowed(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        var kept = builder.ToString();
        return (kept.IsNormalized(NormalizationForm.FormC) ? kept : kept.Normalize(NormalizationForm.FormC)).Trim();
    }

    /// <summary>The normalised question, or the contract's error for an empty or too long one.</summary>
    public static string RequireQuestion(string? text, int maxChars)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            throw new UnprocessableException("message_required", "The message is empty.");
        }

        return EnsureWithinLimit(normalized, maxChars);
    }

    /// <summary>An already normalised message, or <c>413 message_too_long</c> with <c>max_chars</c>.</summary>
    public static string EnsureWithinLimit(string normalized, int maxChars)
    {
        var chars = Text.CountChars(normalized);
        if (chars > maxChars)
        {
            throw new TooLargeException("message_too_long", $"The message has {chars} characters; the limit is {maxChars}.")
            {
                Extensions = new Dictionary<string, object?> { ["max_chars"] = maxChars },
            };
        }

        return normalized;
    }

    private static bool IsAllowed(Rune rune)
    {
        if (rune.Value is '\n' or '\t')
        {
            return true;
        }

        // Lone surrogates never reach here: EnumerateRunes yields U+FFFD for them.
        var category = Rune.GetUnicodeCategory(rune);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            && rune.Value is not ('\uFEFF' or '\u200B');
    }
}
