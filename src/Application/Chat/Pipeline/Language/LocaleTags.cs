using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// Whether a string is a well-formed BCP 47 language tag (<c>pt-BR</c>, <c>zh-Hant-TW</c>, <c>de-CH-1996</c>): the one
/// check behind every <c>locale</c> of the contract (request hints, <c>user_hints</c>, identity tokens). Whether the
/// language is one Chat9 speaks is <see cref="ConversationLanguages"/>' question.
/// </summary>
public static partial class LocaleTags
{
    public static bool IsWellFormed(string? value, int maxChars) =>
        value is { Length: > 0 } && value.Length <= maxChars && LanguageTag().IsMatch(value);

    /// <summary>
    /// RFC 5646 "langtag" (language, extlang, script, region, variants, extensions, private use) or a private-use-only
    /// tag. Grandfathered tags (<c>i-klingon</c>) are refused: none of them names a supported language.
    /// </summary>
    [GeneratedRegex(
        """
        ^(?:
          (?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4}|[A-Za-z]{5,8})
          (?:-[A-Za-z]{4})?
          (?:-(?:[A-Za-z]{2}|[0-9]{3}))?
          (?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*
          (?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*
          (?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?
        | [Xx](?:-[A-Za-z0-9]{1,8})+
        )$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
