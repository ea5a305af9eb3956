namespace Chat9.Application.Documents.Processing;

/// <summary>The structural kind of a <see cref="TextBlock"/>; the chunker keeps code, tables, lists and operations whole where it can.</summary>
public enum BlockKind
{
    Heading,
    Paragraph,
    List,
    Code,
    Table,
    Quote,

    /// <summary>One API operation of an OpenAPI document (method, path, summary, parameters, schemas).</summary>
    Operation,
}

/// <summary>
/// One structural unit of a parsed document, in reading order. <see cref="HeadingPath"/> lists the enclosing headings
/// (for a heading block: its parents and itself). <see cref="Anchor"/> is the fragment of the nearest heading
/// (an <c>id</c> or a slug), or an operation id.
/// </summary>
public sealed record TextBlock(BlockKind Kind, string Text, IReadOnlyList<string> HeadingPath, string? Anchor, int HeadingLevel = 0);

/// <summary>The text of a document as the parsers see it: a title and its blocks.</summary>
public sealed record ParsedDocument(string? Title, IReadOnlyList<TextBlock> Blocks)
{
    /// <summary>Characters of extracted text (UTF-16 units of all block texts).</summary>
    public int TextLength => Blocks.Sum(b => b.Text.Length);

    /// <summary>All text, blocks separated by blank lines (for language detection and health checks).</summary>
    public string FullText => string.Join("\n\n", Blocks.Select(b => b.Text));
}

/// <summary>Limits a parser must enforce while it reads (limits.md).</summary>
public sealed record ParseLimits(long MaxUncompressedBytes, int MaxCompressionRatio, int MaxDocumentChars);

/// <summary>A document that cannot become searchable. <see cref="Code"/> is one of <see cref="DocumentErrorCodes"/>.</summary>
public sealed class DocumentParseException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The stable <c>error.code</c> values of a document (management-api.md).</summary>
public static class DocumentErrorCodes
{
    public const string ParseFailed = "parse_failed";
    public const string Encrypted = "encrypted";
    public const string NoText = "no_text";
    public const string TooLargeUncompressed = "too_large_uncompressed";
    public const string TooMuchText = "too_much_text";
    public const string ProcessingTimeout = "processing_timeout";
    public const string ProcessingFailed = "processing_failed";
}
