using System.Text.RegularExpressions;
using Chat9.Domain.Common;

namespace Chat9.Application.Knowledge.Common;

/// <summary>Small text operations on document Markdown for the knowledge profile and FAQ suggestions.</summary>
public static partial class MarkdownText
{
    private const string Ellipsis = "…";

    /// <summary>Inline Markdown read as plain text: emphasis and code marks removed, links reduced to their text, images dropped, white space collapsed.</summary>
    public static string Plain(string markdown)
    {
        var text = Image().Replace(markdown, string.Empty);
        text = Link().Replace(text, "$1");
        text = Emphasis().Replace(text, "$2");
        text = text.Replace("`", string.Empty, StringComparison.Ordinal);
        return Collapse(text);
    }

    /// <summary>One line of single spaces, trimmed.</summary>
    public static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    /// <summary>
    /// Cuts Markdown to at most <paramref name="maxChars"/> characters at the last paragraph break (else sentence end,
    /// else word) that keeps at least half, marked with an ellipsis; a code block left open is closed, so the rest still
    /// renders as text.
    /// </summary>
    public static string Cut(string markdown, int maxChars)
    {
        var text = markdown.Trim();
        if (Text.CountChars(text) <= maxChars)
        {
            return text;
        }

        // Room for a closing fence and the ellipsis on their own lines.
        var budget = Math.Max(1, maxChars - 8);
        var cut = Text.Truncate(text, budget, string.Empty);
        var end = LastBreak(cut, "\n\n");
        if (end < 0)
        {
            end = LastSentenceEnd(cut);
        }

        if (end < 0)
        {
            end = cut.LastIndexOf(' ') is var space && space >= cut.Length / 2 ? space : cut.Length;
        }

        var kept = cut[..end].TrimEnd();
        var fences = FenceLine().Matches(kept).Count;
        return fences % 2 == 1 ? kept + "\n```\n" + Ellipsis : kept + (kept.EndsWith('\n') ? string.Empty : "\n\n") + Ellipsis;
    }

    /// <summary>Plain text cut to at most <paramref name="maxChars"/> at a sentence end that keeps at least half, else a word, with an ellipsis.</summary>
    public static string CutSentences(string text, int maxChars)
    {
        if (Text.CountChars(text) <= maxChars)
        {
            return text;
        }

        var cut = Text.Truncate(text, Math.Max(1, maxChars - 1), string.Empty);
        var end = LastSentenceEnd(cut);
        if (end >= 0)
        {
            return cut[..end].TrimEnd();
        }

        var space = cut.LastIndexOf(' ');
        return (space >= cut.Length / 2 ? cut[..space] : cut).TrimEnd() + Ellipsis;
    }

    private static int LastBreak(string text, string separator)
    {
        var index = text.LastIndexOf(separator, StringComparison.Ordinal);
        return index >= text.Length / 2 ? index : -1;
    }

    /// <summary>The end (exclusive) of the last sentence that ends in the second half of <paramref name="text"/>, or -1.</summary>
    private static int LastSentenceEnd(string text)
    {
        for (var i = text.Length - 1; i >= text.Length / 2; i--)
        {
            if (text[i] is '.' or '!' or '?' or '。' or '！' or '？' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^\s*(```|~~~)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FenceLine();
}
