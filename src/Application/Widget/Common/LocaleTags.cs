using System.Text.RegularExpressions;

namespace Chat9.Application.Widget.Common;

/// <summary>
/// The syntax of a BCP 47 language tag as the widget contract uses it: a 2–8 letter language subtag followed by
/// 1–8 character alphanumeric subtags (<c>pt-BR</c>, <c>zh-Hant-TW</c>, <c>de-CH-1996</c>). Whether the language is one
/// Chat9 speaks is decided elsewhere; an invalid tag is ignored, never an error.
/// </summary>
public static partial class LocaleTags
{
    public static bool IsValid(string? value, int maxChars) =>
        value is not null && value.Length <= maxChars && TagPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
