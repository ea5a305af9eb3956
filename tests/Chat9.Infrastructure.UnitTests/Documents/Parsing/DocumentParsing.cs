using System.Text;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Documents.Parsing;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

/// <summary>Runs the public <see cref="DocumentParser"/> with the default limits of limits.md unless a test says otherwise.</summary>
internal static class DocumentParsing
{
    public static readonly ParseLimits DefaultLimits = new(MaxUncompressedBytes: 200L * 1024 * 1024, MaxCompressionRatio: 100, MaxDocumentChars: 5_000_000);

    public static ParsedDocument Parse(DocumentFileType fileType, string text) => Parse(fileType, Encoding.UTF8.GetBytes(text));

    public static ParsedDocument Parse(DocumentFileType fileType, byte[] content, ParseLimits? limits = null) =>
        new DocumentParser().Parse(fileType, content, limits ?? DefaultLimits, CancellationToken.None);

    public static DocumentParseException Failure(DocumentFileType fileType, string text) => Failure(fileType, Encoding.UTF8.GetBytes(text));

    public static DocumentParseException Failure(DocumentFileType fileType, byte[] content, ParseLimits? limits = null) =>
        Assert.Throws<DocumentParseException>(() => Parse(fileType, content, limits))!;

    public static TextBlock Single(this ParsedDocument document, BlockKind kind) => document.Blocks.Single(block => block.Kind == kind);
}
