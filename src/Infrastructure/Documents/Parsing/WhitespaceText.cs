using System.Text;

namespace Chat9.Infrastructure.Documents.Parsing;

internal static class WhitespaceText
{
    /// <summary>Turns every run of whitespace (line breaks included) into one space and trims the ends.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        AppendCollapsed(collapsed, text);
        return collapsed.ToString().Trim();
    }

    /// <summary>Appends text with its whitespace runs collapsed, never doubling whitespace already at the end of <paramref name="target"/>.</summary>
    public static void AppendCollapsed(StringBuilder target, string text)
    {
        foreach (var character in text)
        {
            if (!char.IsWhiteSpace(character))
            {
                target.Append(character);
            }
            else if (target.Length > 0 && !char.IsWhiteSpace(target[^1]))
            {
                target.Append(' ');
            }
        }
    }
}
