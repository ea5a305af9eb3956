using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chat9.Application.Documents.Processing;
using AngleSharpHtmlParser = AngleSharp.Html.Parser.HtmlParser;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// HTML files and crawled pages: reads the page's main content (<c>main</c>, else a single <c>article</c>, else the body)
/// without chrome, as headings, paragraphs, lists, code, tables and quotes. Title: the <c>title</c> element, else the first h1.
/// </summary>
internal sealed partial class HtmlParser : IFormatParser
{
    public string FormatName => "HTML page";

    // AngleSharp caps element nesting (512 levels by default), which bounds the recursion of the walk below. It does not
    // watch for cancellation itself, and thousands of unclosed elements make it slow, so the parse checks at every token.
    public ParsedDocument Parse(ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var options = new HtmlParserOptions { OnToken = (_, _) => cancellationToken.ThrowIfCancellationRequested() };
        var document = new AngleSharpHtmlParser(options).ParseDocument(TextDecoder.Decode(content.Span));
        var root = ContentRoot(document);
        var builder = new ParsedDocumentBuilder(limits, cancellationToken);
        new BlockWalker(builder).Walk(root);
        return builder.Build(Title(document, root));
    }

    private static IElement ContentRoot(IDocument document)
    {
        var articles = document.QuerySelectorAll("article");
        return document.QuerySelector("main, [role=main]")
            ?? (articles.Length == 1 ? articles[0] : null)
            ?? document.Body
            ?? document.DocumentElement;
    }

    private static string? Title(IDocument document, IElement root)
    {
        var title = WhitespaceText.Collapse(document.Title ?? "");
        return title.Length > 0 ? title : root.QuerySelectorAll("h1").Select(HeadingText).FirstOrDefault(text => text.Length > 0);
    }

    // Documentation generators append a visible permalink glyph ("¶", "#") to headings; it is not part of the title.
    private static string HeadingText(IElement heading) => PermalinkGlyph().Replace(HtmlText.Visible(heading), "");

    [GeneratedRegex(@"(?:\s+#+|\s*¶)$")]
    private static partial Regex PermalinkGlyph();

    /// <summary>Walks the content in document order; inline text gathers into paragraphs that end at block boundaries.</summary>
    private sealed class BlockWalker(ParsedDocumentBuilder builder)
    {
        private readonly StringBuilder _paragraph = new();

        public void Walk(IElement root)
        {
            WalkChildren(root);
            FlushParagraph();
        }

        private void WalkChildren(INode parent)
        {
            foreach (var node in parent.ChildNodes)
            {
                if (node is IText text)
                {
                    WhitespaceText.AppendCollapsed(_paragraph, text.Data);
                }
                else if (node is IElement element && !HtmlNoiseFilter.IsNoise(element))
                {
                    Visit(element);
                }
            }
        }

        private void Visit(IElement element)
        {
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    FlushParagraph();
                    builder.AddHeading(element.LocalName[1] - '0', HeadingText(element), element.Id);
                    break;
                case "ul" or "ol":
                    AddBlock(BlockKind.List, HtmlText.List(element));
                    break;
                case "pre":
                    AddBlock(BlockKind.Code, BlockText.Code(HtmlText.CodeLanguage(element), HtmlText.Preformatted(element)));
                    break;
                case "table":
                    AddBlock(BlockKind.Table, HtmlText.Table(element));
                    break;
                case "blockquote":
                    AddBlock(BlockKind.Quote, HtmlText.Visible(element));
                    break;
                case "br":
                    _paragraph.Append('\n');
                    break;
                default:
                    var isBlock = HtmlText.IsBlock(element);
                    if (isBlock)
                    {
                        FlushParagraph();
                    }

                    WalkChildren(element);
                    if (isBlock)
                    {
                        FlushParagraph();
                    }

                    break;
            }
        }

        private void AddBlock(BlockKind kind, string text)
        {
            FlushParagraph();
            builder.Add(kind, text);
        }

        private void FlushParagraph()
        {
            var lines = _paragraph.ToString().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
            builder.Add(BlockKind.Paragraph, string.Join('\n', lines));
            _paragraph.Clear();
        }
    }
}
