using Chat9.Application.Documents.Processing;

namespace Chat9.Application.UnitTests.Documents.Processing;

/// <summary>Builds a <see cref="ParsedDocument"/> the way the parsers do: blocks carry their heading path and anchor.</summary>
internal sealed class DocumentBuilder
{
    private readonly List<TextBlock> _blocks = [];
    private readonly List<(int Level, string Title)> _headings = [];

    public DocumentBuilder Heading(int level, string title)
    {
        _headings.RemoveAll(h => h.Level >= level);
        _headings.Add((level, title));
        _blocks.Add(new TextBlock(BlockKind.Heading, title, Path(), Anchor(), level));
        return this;
    }

    public DocumentBuilder Paragraph(string text) => Block(BlockKind.Paragraph, text);

    public DocumentBuilder Block(BlockKind kind, string text)
    {
        _blocks.Add(new TextBlock(kind, text, Path(), Anchor()));
        return this;
    }

    public DocumentBuilder Operation(string text, string operationId)
    {
        _blocks.Add(new TextBlock(BlockKind.Operation, text, Path(), operationId));
        return this;
    }

    public ParsedDocument Build() => new("Test document", [.. _blocks]);

    private string[] Path() => [.. _headings.Select(h => h.Title)];

    private string? Anchor() => _headings.Count > 0 ? _headings[^1].Title.ToLowerInvariant().Replace(' ', '-') : null;
}

/// <summary>Sample text of a known size: every word is distinct ("p3", "p4", …), so order and loss are visible.</summary>
internal static class Sample
{
    public static string Words(int count, string prefix = "w", int from = 0) =>
        string.Join(' ', Enumerable.Range(from, count).Select(i => $"{prefix}{i}"));

    /// <summary><paramref name="count"/> sentences of <paramref name="wordsEach"/> words, each ending with a full stop.</summary>
    public static string Sentences(int count, int wordsEach, string prefix = "s") =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => Words(wordsEach, prefix, i * wordsEach) + "."));

    /// <summary>The words of a text, with punctuation stripped.</summary>
    public static string[] WordsOf(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.')).ToArray();
}
