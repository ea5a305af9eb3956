using System.Text.RegularExpressions;

namespace Chat9.Domain.Common;

/// <summary>Text rules shared by every layer: how Chat9 counts characters and recognises common formats.</summary>
public static partial class Text
{
    /// <summary>Counts Unicode code points after trimming (the contract's definition of "characters").</summary>
    public static int CountChars(string value)
    {
        var trimmed = value.AsSpan().Trim();
        var count = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (char.IsHighSurrogate(trimmed[i]) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    public static bool IsEmail(string value) =>
        value.Length <= 320 && EmailPattern().IsMatch(value);

    public static bool IsHexColor(string value) => HexColorPattern().IsMatch(value);

    /// <summary>A host name (<c>example.com</c>) or a subdomain wildcard (<c>*.example.com</c>), without scheme or port.</summary>
    public static bool IsAllowedDomainPattern(string value)
    {
        var host = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        return host.Length is > 0 and <= 253
            && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4
            && host.Split('.').All(label => label.Length is > 0 and <= 63 && HostLabelPattern().IsMatch(label));
    }

    public static bool IsHttpUrl(string value, out Uri? uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>Cuts <paramref name="value"/> to at most <paramref name="maxChars"/> code points (ellipsis included), never inside a surrogate pair.</summary>
    public static string Truncate(string value, int maxChars, string ellipsis = "…")
    {
        if (CodePoints(value) <= maxChars)
        {
            return value;
        }

        var keep = maxChars - CodePoints(ellipsis);
        var end = 0;
        for (var taken = 0; taken < keep && end < value.Length; taken++)
        {
            end += char.IsHighSurrogate(value[end]) && end + 1 < value.Length && char.IsLowSurrogate(value[end + 1]) ? 2 : 1;
        }

        return value[..end] + ellipsis;
    }

    private static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^[^@\s""<>()\[\],;:\\]+@[^@\s""<>()\[\],;:\\]+\.[^@\s""<>()\[\],;:\\.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColorPattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostLabelPattern();
}
