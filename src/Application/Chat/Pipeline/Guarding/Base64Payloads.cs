using System.Text;
using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Finds base64 blobs in a message and decodes those that are readable text, so that an instruction hidden as
/// "aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=" is checked like the plain one. Binary payloads, API keys and
/// tokens do not decode to readable text and are left alone.
/// </summary>
internal static partial class Base64Payloads
{
    /// <summary>A message is at most about 1,000 characters; more blobs than this is not a question anyway.</summary>
    private const int MaxBlobs = 8;

    /// <summary>Share of decoded characters that must be letters, digits, spaces or common punctuation.</summary>
    private const double MinReadableShare = 0.9;

    public static IEnumerable<string> Decode(string text)
    {
        foreach (var match in Blob().Matches(text).Take(MaxBlobs))
        {
            if (TryDecode(match.Value, out var decoded))
            {
                yield return decoded;
            }
        }
    }

    private static bool TryDecode(string blob, out string decoded)
    {
        decoded = string.Empty;
        var standard = blob.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        var padded = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written) || !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, written)))
        {
            return false;
        }

        var candidate = Encoding.UTF8.GetString(bytes, 0, written);
        var readable = candidate.Count(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c));
        if (candidate.Length == 0 || readable < MinReadableShare * candidate.Length)
        {
            return false;
        }

        decoded = candidate;
        return true;
    }

    /// <summary>
    /// Runs of base64 (standard or URL-safe) characters. Shorter runs are ordinary words, ids or hashes; 16 characters
    /// hide 12 bytes, enough for "ignore rules".
    /// </summary>
    [GeneratedRegex(@"[A-Za-z0-9+/_-]{16,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Blob();
}
