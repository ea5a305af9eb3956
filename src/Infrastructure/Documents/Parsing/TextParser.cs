using Chat9.Application.Documents.Processing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Plain text: one paragraph per blank-line separated run of lines, no headings, no title.</summary>
internal sealed class TextParser : IFormatParser
{
    public string FormatName => "text file";

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var builder = new ParsedDocumentBuilder(limits, cancellationToken);
        foreach (var paragraph in PlainTextParagraphs.Split(TextDecoder.Decode(content.Span)))
        {
            builder.Add(BlockKind.Paragraph, paragraph);
        }

        return builder.Build(title: null);
    }
}
