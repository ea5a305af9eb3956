using System.Globalization;
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

    public static string Truncate(string value, int maxChars, string ellipsis = "…")
    {
        var info = new StringInfo(value);
        return info.LengthInTextElements <= maxChars
            ? value
            : info.SubstringByTextElements(0, maxChars - ellipsis.Length) + ellipsis;
    }

    [GeneratedRegex(@"^[^@\s""<>()\[\],;:\\]+@[^@\s""<>()\[\],;:\\]+\.[^@\s""<>()\[\],;:\\.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColorPattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostLabelPattern();
}
