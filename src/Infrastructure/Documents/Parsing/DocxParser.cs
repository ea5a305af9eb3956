using System.Runtime.InteropServices;
using Chat9.Application.Documents.Processing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// Word (.docx): checks the archive against the decompression limits first, then reads headings (heading/title styles and
/// outline levels), paragraphs, numbered or bulleted lists and tables. Title: the first level-1 heading, else the package title.
/// </summary>
internal sealed class DocxParser : IFormatParser
{
    public string FormatName => "Word document";

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        if (OleCompoundFile.IsOleFile(content.Span))
        {
            throw OleFileError(content.Span);
        }

        using var package = ReadOnlyStream(content);
        DocxArchiveLimits.EnsureWithin(package, limits);
        package.Position = 0;

        using var document = WordprocessingDocument.Open(package, isEditable: false);
        var mainPart = document.MainDocumentPart
            ?? throw new DocumentParseException(DocumentErrorCodes.ParseFailed, "The Word document has no main document part.");
        var budget = new UncompressedByteBudget(limits.MaxUncompressedBytes);
        var styles = DocxStyles.Read(mainPart.StyleDefinitionsPart, budget);
        var body = DocxPartReader.ReadRoot<Document>(mainPart, budget)?.Body;

        var builder = new ParsedDocumentBuilder(limits, cancellationToken);
        var firstTopHeading = body is null ? null : new DocxBodyWriter(builder, styles).Write(body);
        return builder.Build(firstTopHeading ?? document.PackageProperties.Title);
    }

    private static DocumentParseException OleFileError(ReadOnlySpan<byte> content) => OleCompoundFile.IsEncryptedOfficeDocument(content)
        ? new DocumentParseException(DocumentErrorCodes.Encrypted, "The Word document is password-protected.")
        : new DocumentParseException(DocumentErrorCodes.ParseFailed, "The file is a legacy Word (.doc) document, not .docx. Save it as .docx and upload it again.");

    private static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
