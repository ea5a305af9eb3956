using System.Text;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// Text files are UTF-8 (BOM optional) or UTF-16 with a BOM (management-api.md). Invalid bytes become U+FFFD instead of
/// failing: the health check reports such text as extraction noise, which tells the operator more than a rejection.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UnicodeEncoding LenientUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly UnicodeEncoding LenientUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    public static bool StartsWithUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>Decodes the bytes and normalises every line break to <c>\n</c>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = LenientUtf8.GetString(bytes[3..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = LenientUtf16Le.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = LenientUtf16Be.GetString(bytes[2..]);
        }
        else
        {
            text = LenientUtf8.GetString(bytes);
        }

        return text.ReplaceLineEndings("\n");
    }
}
