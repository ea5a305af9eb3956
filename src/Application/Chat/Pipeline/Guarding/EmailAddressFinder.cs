using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Finds the e-mail address a visitor types when the chat asks for one ("sure, it's ana@example.com"). The shape is
/// RFC 5322's dot-atom (what real addresses use; quoted local parts and IP literals are not accepted) with an
/// internationalised domain allowed, and the lengths of RFC 5321: local part at most 64 octets, domain at most 253,
/// labels at most 63, the whole at most 254.
/// </summary>
internal static partial class EmailAddressFinder
{
    private const int MaxLocalPart = 64;
    private const int MaxDomain = 253;
    private const int MaxAddress = 254;

    public static string? Find(string message)
    {
        foreach (Match match in Candidate().Matches(message))
        {
            var address = match.Value;
            var at = address.LastIndexOf('@');
            if (at <= MaxLocalPart && address.Length - at - 1 <= MaxDomain && address.Length <= MaxAddress)
            {
                return address;
            }
        }

        return null;
    }

    /// <summary>
    /// dot-atom local part, "@", dot-separated labels (letters, digits, inner hyphens) ending in a top-level domain of
    /// at least two letters. Not preceded or followed by characters that would make it part of a longer token.
    /// </summary>
    [GeneratedRegex(
        """
        (?<![\p{L}\p{N}._%+\-@])
        [\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*
        @
        (?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+
        \p{L}[\p{L}\p{N}-]{0,61}\p{L}
        (?![\p{L}\p{N}\-@]|\.[\p{L}\p{N}])
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
