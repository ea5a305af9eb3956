using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Chat9.Domain.Bots;

/// <summary>The bot's public id: <c>ch_</c> + 16 characters of <c>[a-z0-9]</c>. Not a secret; it appears in page HTML.</summary>
public static partial class BotPublicId
{
    public const string Prefix = "ch_";
    public const int Length = 19;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, 16);

    public static bool IsWellFormed(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^ch_[a-z0-9]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
