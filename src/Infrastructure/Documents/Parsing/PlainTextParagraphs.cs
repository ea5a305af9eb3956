using System.Text.RegularExpressions;

namespace Chat9.Infrastructure.Documents.Parsing;

internal static partial class PlainTextParagraphs
{
    /// <summary>Splits text with <c>\n</c> line breaks at blank lines; each paragraph is trimmed, empty ones are skipped.</summary>
    public static IEnumerable<string> Split(string text) =>
        BlankLine().Split(text).Select(paragraph => paragraph.Trim()).Where(paragraph => paragraph.Length > 0);

    [GeneratedRegex(@"\n[ \t\f\v]*\n")]
    private static partial Regex BlankLine();
}
