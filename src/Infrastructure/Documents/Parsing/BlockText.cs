namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>The plain-text shapes every format uses for code and tables, so chunks look alike whatever the source.</summary>
internal static class BlockText
{
    /// <summary>A fenced block with the language on the opening line; the code itself is kept verbatim. Blank code gives "".</summary>
    public static string Code(string? language, string code)
    {
        var body = code.Trim('\n');
        return string.IsNullOrWhiteSpace(body) ? "" : $"```{language?.Trim()}\n{body}\n```";
    }

    /// <summary>One "| a | b |" line per row; rows without any text are left out.</summary>
    public static string Table(IEnumerable<IReadOnlyList<string>> rows) => string.Join('\n', rows
        .Where(cells => cells.Any(cell => !string.IsNullOrWhiteSpace(cell)))
        .Select(cells => "| " + string.Join(" | ", cells.Select(cell => WhitespaceText.Collapse(cell).Replace("|", "\\|", StringComparison.Ordinal))) + " |"));
}
