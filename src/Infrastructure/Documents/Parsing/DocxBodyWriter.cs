using System.Text;
using Chat9.Application.Documents.Processing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Turns the body of a Word document into blocks; consecutive list paragraphs become one list.</summary>
internal sealed class DocxBodyWriter(ParsedDocumentBuilder builder, DocxStyles styles)
{
    // Content controls can nest; real documents stay shallow, and the limit keeps hostile ones from exhausting the stack.
    private const int MaxContainerDepth = 32;

    private ListTextWriter? _openList;
    private string? _firstTopHeading;

    /// <summary>Writes the body's blocks and returns the text of its first level-1 heading, if any.</summary>
    public string? Write(Body body)
    {
        WriteChildren(body, depth: 0);
        FlushList();
        return _firstTopHeading;
    }

    private void WriteChildren(OpenXmlElement container, int depth)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    WriteParagraph(paragraph);
                    break;
                case Table table:
                    FlushList();
                    builder.Add(BlockKind.Table, TableText(table));
                    break;
                case SdtBlock { SdtContentBlock: { } controlContent } when depth < MaxContainerDepth:
                    WriteChildren(controlContent, depth + 1);
                    break;
                case CustomXmlBlock customXml when depth < MaxContainerDepth:
                    WriteChildren(customXml, depth + 1);
                    break;
            }
        }
    }

    private void WriteParagraph(Paragraph paragraph)
    {
        var text = ParagraphText(paragraph).Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (HeadingLevel(paragraph) is { } level)
        {
            FlushList();
            builder.AddHeading(level, text);
            _firstTopHeading ??= level == 1 ? text : null;
        }
        else if (ListLevel(paragraph) is { } depth)
        {
            (_openList ??= new ListTextWriter()).AddItem(depth, "-", text);
        }
        else
        {
            FlushList();
            builder.Add(BlockKind.Paragraph, text);
        }
    }

    private int? HeadingLevel(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var directOutline = properties?.OutlineLevel?.Val?.Value;
        return directOutline is not null
            ? DocxStyles.LevelFromOutline(directOutline)
            : styles.HeadingLevel(properties?.ParagraphStyleId?.Val?.Value);
    }

    private int? ListLevel(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var numbering = properties?.NumberingProperties;
        if (numbering is not null)
        {
            // numId 0 is Word's way of switching numbering off for a paragraph.
            return numbering.NumberingId?.Val?.Value == 0 ? null : Math.Clamp(numbering.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
        }

        return styles.IsList(properties?.ParagraphStyleId?.Val?.Value) ? 0 : null;
    }

    private void FlushList()
    {
        if (_openList is null)
        {
            return;
        }

        builder.Add(BlockKind.List, _openList.ToString());
        _openList = null;
    }

    private static string TableText(Table table) => BlockText.Table(table
        .Elements<TableRow>()
        .Select(row => row.Elements<TableCell>()
            .Select(cell => string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText)))
            .ToList()));

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        AppendRunText(text, paragraph);
        return text.ToString();
    }

    private static void AppendRunText(StringBuilder text, OpenXmlElement element)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                // The fallback repeats the chosen content for older readers; reading both would double the text.
                case AlternateContentFallback:
                    break;
                default:
                    AppendRunText(text, child);
                    break;
            }
        }
    }
}
