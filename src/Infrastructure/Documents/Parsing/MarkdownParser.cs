using System.Globalization;
using System.Text;
using Chat9.Application.Documents.Processing;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using AngleSharpHtmlParser = AngleSharp.Html.Parser.HtmlParser;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// Markdown and MDX: headings, paragraphs, lists, code, pipe tables and quotes as blocks; front matter, MDX syntax and
/// raw HTML tags, scripts and styles are dropped (the text between HTML tags is kept). Title: the first level-1 heading.
/// </summary>
internal sealed class MarkdownParser : IFormatParser
{
    // Generic attributes give headings their explicit "{#id}" anchors. Markdig caps nesting itself (it throws on
    // absurdly deep input), which also bounds the recursion below.
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGenericAttributes().Build();

    public string FormatName => "Markdown file";

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var markdown = MarkdownPreprocessor.Prepare(TextDecoder.Decode(content.Span));
        var document = Markdown.Parse(markdown, Pipeline);
        var builder = new ParsedDocumentBuilder(limits, cancellationToken);
        string? title = null;

        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                var text = InlineText(heading.Inline);
                builder.AddHeading(heading.Level, text, heading.TryGetAttributes()?.Id);
                title ??= heading.Level == 1 && text.Length > 0 ? text : null;
            }
            else if (KindOf(block) is { } kind)
            {
                builder.Add(kind, BlockAsText(block));
            }
        }

        return builder.Build(title);
    }

    private static BlockKind? KindOf(Block block) => block switch
    {
        ParagraphBlock or HtmlBlock => BlockKind.Paragraph,
        ListBlock => BlockKind.List,
        CodeBlock => BlockKind.Code,
        Table => BlockKind.Table,
        QuoteBlock => BlockKind.Quote,
        _ => null,
    };

    private static string BlockAsText(Block block) => block switch
    {
        HeadingBlock heading => InlineText(heading.Inline),
        ParagraphBlock paragraph => InlineText(paragraph.Inline),
        HtmlBlock html => HtmlFragmentText(html.Lines.ToString()),
        ListBlock list => ListText(list),
        CodeBlock code => BlockText.Code((code as FencedCodeBlock)?.Info, code.Lines.ToString()),
        Table table => TableText(table),
        QuoteBlock quote => string.Join('\n', quote.Select(BlockAsText).Where(text => text.Length > 0)),
        _ => "",
    };

    private static string ListText(ListBlock list)
    {
        var writer = new ListTextWriter();
        WriteList(writer, list, depth: 0);
        return writer.ToString();
    }

    private static void WriteList(ListTextWriter writer, ListBlock list, int depth)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}." : "-";
            var opened = false;
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    if (!opened)
                    {
                        writer.AddItem(depth, marker, "");
                        opened = true;
                    }

                    WriteList(writer, nested, depth + 1);
                    continue;
                }

                var text = BlockAsText(child);
                if (text.Length == 0)
                {
                    continue;
                }

                if (opened)
                {
                    writer.AddContinuation(depth, marker, text);
                }
                else
                {
                    writer.AddItem(depth, marker, text);
                    opened = true;
                }
            }
        }
    }

    private static string TableText(Table table) => BlockText.Table(table
        .OfType<TableRow>()
        .Select(row => row.OfType<TableCell>()
            .Select(cell => string.Join(' ', cell.Select(BlockAsText)))
            .ToList()));

    internal static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        AppendInlines(text, inline);
        return text.ToString().Trim();
    }

    private static void AppendInlines(StringBuilder text, ContainerInline? container)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline children:
                    AppendInlines(text, children);
                    break;
            }
        }
    }

    // Raw HTML is read like a page, so scripts, styles, comments and hidden elements stay out.
    internal static string HtmlFragmentText(string html) => HtmlText.Visible(new AngleSharpHtmlParser().ParseDocument(html).DocumentElement);
}
