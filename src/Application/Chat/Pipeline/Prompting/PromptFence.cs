using System.Text.RegularExpressions;

namespace Chat9.Application.Chat.Pipeline.Prompting;

/// <summary>
/// Keeps fenced text inside its fence: documents and operator text are untrusted data, and a chunk that contains
/// <c>&lt;/document&gt;</c> must not be able to end its fence and pose as prompt text.
/// </summary>
internal static partial class PromptFence
{
    /// <summary>Disarms every opening or closing tag of the prompt's own fences (<c>&lt;/document&gt;</c> → <c>&amp;lt;/document&gt;</c>).</summary>
    public static string Neutralize(string text) =>
        text.Contains('<', StringComparison.Ordinal) ? FenceTag().Replace(text, "&lt;") : text;

    /// <summary>A value for a double-quoted attribute, on one line.</summary>
    public static string Attribute(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .ReplaceLineEndings(" ");

    [GeneratedRegex(
        @"<(?=\s*/?\s*(?:document|context|operator_instructions|glossary)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex FenceTag();
}
