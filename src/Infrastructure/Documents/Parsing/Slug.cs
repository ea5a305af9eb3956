using System.Globalization;
using System.Text;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>GitHub-style heading anchors, so links built from them match the anchors of published Markdown.</summary>
internal static class Slug
{
    /// <summary>Lower-cases the text, drops punctuation and symbols, and turns each space into a hyphen.</summary>
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var rune in text.Trim().ToLowerInvariant().EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                slug.Append('-');
            }
            else if (rune.Value == '-' || IsKept(Rune.GetUnicodeCategory(rune)))
            {
                slug.Append(rune.ToString());
            }
        }

        return slug.ToString();
    }

    private static bool IsKept(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.ConnectorPunctuation;
}
