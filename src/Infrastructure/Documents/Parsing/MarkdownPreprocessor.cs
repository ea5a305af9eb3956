using System.Text;
using System.Text.RegularExpressions;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// Removes what is not prose before Markdig sees the text: YAML/TOML front matter and MDX syntax (ESM
/// <c>import</c>/<c>export</c> blocks, JSX component tags, <c>{/* comments */}</c>). Paired components keep their inner
/// text. Code fences and inline code are left untouched, so documentation about JSX or imports survives.
/// </summary>
internal static partial class MarkdownPreprocessor
{
    public static string Prepare(string markdown) => StripMdxSyntax(FrontMatter().Replace(markdown, "", 1));

    private static string StripMdxSyntax(string markdown)
    {
        var output = new StringBuilder(markdown.Length);
        var prose = new StringBuilder();
        string? openFence = null;
        var inEsmBlock = false;

        foreach (var line in markdown.Split('\n'))
        {
            if (openFence is not null)
            {
                output.Append(line).Append('\n');
                if (IsClosingFence(line, openFence))
                {
                    openFence = null;
                }

                continue;
            }

            // In MDX an import/export statement runs until the next blank line.
            inEsmBlock = inEsmBlock ? line.Trim().Length > 0 : EsmStatement().IsMatch(line);
            if (inEsmBlock)
            {
                continue;
            }

            var fence = OpeningFence().Match(line);
            if (fence.Success)
            {
                AppendWithoutJsx(output, prose);
                openFence = fence.Groups["fence"].Value;
                output.Append(line).Append('\n');
                continue;
            }

            prose.Append(line).Append('\n');
        }

        AppendWithoutJsx(output, prose);
        return output.ToString();
    }

    private static void AppendWithoutJsx(StringBuilder output, StringBuilder prose)
    {
        output.Append(JsxOrInlineCode().Replace(prose.ToString(), match => match.Groups["code"].Success ? match.Value : ""));
        prose.Clear();
    }

    private static bool IsClosingFence(string line, string openFence)
    {
        var trimmed = line.TrimStart(' ');
        return line.Length - trimmed.Length <= 3
            && trimmed.TrimEnd().Length >= openFence.Length
            && trimmed.TrimEnd().All(c => c == openFence[0]);
    }

    [GeneratedRegex(@"\A(?<fence>---|\+\+\+)[ \t]*\n(?:.*?\n)?\k<fence>[ \t]*(?:\n|\z)", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^(?:import\s+(?:['""{*]|[\w$]+\s*(?:,|from\s))|export\s+(?:const|let|var|function|class|default|async|\{|\*))")]
    private static partial Regex EsmStatement();

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})")]
    private static partial Regex OpeningFence();

    // Inline code (one or two backticks) is matched first and kept; otherwise fragments, capitalised component tags
    // (attributes may hold one level of {expressions}, across lines) and MDX comments are removed. The non-backtracking
    // engine keeps this linear when openers such as "{/*" are never closed.
    [GeneratedRegex(@"(?<code>`[^`\n]+`|``[^\n]*?``)|</?>|</?[A-Z][\w.]*(?:\s(?:[^<>{}]|\{[^{}]*\})*)?/?>|\{/\*.*?\*/\}", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex JsxOrInlineCode();
}
