using Chat9.Application.Documents.Processing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>PDF: the text of each page in content order, one paragraph per text block; no headings. Title: the document information title.</summary>
internal sealed class PdfParser : IFormatParser
{
    private const string NoTextMessage =
        "No readable text was found in the PDF. Scanned pages are images; they need OCR (text recognition) before their text can be used.";

    private static readonly ContentOrderTextExtractor.Options ExtractionOptions = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public string FormatName => "PDF file";

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            // A missing font must not cost the whole document: its letters are usually still mapped to text.
            using var document = PdfDocument.Open(content, new ParsingOptions { SkipMissingFonts = true });
            if (document.NumberOfPages == 0)
            {
                throw new DocumentParseException(DocumentErrorCodes.ParseFailed, "The PDF file has no pages.");
            }

            var builder = new ParsedDocumentBuilder(limits, cancellationToken);
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var paragraph in PlainTextParagraphs.Split(ContentOrderTextExtractor.GetText(page, ExtractionOptions).ReplaceLineEndings("\n")))
                {
                    // Line breaks inside a PDF paragraph are only where the layout wrapped it.
                    builder.Add(BlockKind.Paragraph, WhitespaceText.Collapse(paragraph));
                }
            }

            return builder.Build(document.Information.Title, NoTextMessage);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentParseException(DocumentErrorCodes.Encrypted, "The PDF is password-protected.");
        }
    }
}
