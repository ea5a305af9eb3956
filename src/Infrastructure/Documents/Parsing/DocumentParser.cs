using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Parses a stored original with the reader for its file type; every failure surfaces as a <see cref="DocumentParseException"/>.</summary>
public sealed class DocumentParser : IDocumentParser
{
    private const int MaxReasonLength = 200;

    private static readonly IFormatParser Markdown = new MarkdownParser();
    private static readonly IFormatParser Text = new TextParser();
    private static readonly IFormatParser Html = new HtmlParser();
    private static readonly IFormatParser Pdf = new PdfParser();
    private static readonly IFormatParser Docx = new DocxParser();
    private static readonly IFormatParser OpenApi = new OpenApiParser();

    public ParsedDocument Parse(DocumentFileType fileType, ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var parser = ParserFor(fileType);
        try
        {
            return parser.Parse(content, limits, cancellationToken);
        }
        catch (Exception exception) when (exception is not DocumentParseException and not OperationCanceledException)
        {
            // Library exceptions are not part of the contract; operators get the format and the library's first line.
            throw new DocumentParseException(DocumentErrorCodes.ParseFailed, $"The {parser.FormatName} could not be read: {ShortReason(exception)}");
        }
    }

    private static IFormatParser ParserFor(DocumentFileType fileType) => fileType switch
    {
        DocumentFileType.Markdown => Markdown,
        DocumentFileType.Text => Text,
        DocumentFileType.Html or DocumentFileType.WebPage => Html,
        DocumentFileType.Pdf => Pdf,
        DocumentFileType.Docx => Docx,
        DocumentFileType.Openapi => OpenApi,
        _ => throw new ArgumentOutOfRangeException(nameof(fileType), fileType, "Unknown document file type."),
    };

    private static string ShortReason(Exception exception)
    {
        var firstLine = exception.Message.Split('\n', 2)[0].Trim();
        if (firstLine.Length == 0)
        {
            return "the file appears to be damaged.";
        }

        return firstLine.Length <= MaxReasonLength ? firstLine : string.Concat(firstLine.AsSpan(0, MaxReasonLength), "…");
    }
}
