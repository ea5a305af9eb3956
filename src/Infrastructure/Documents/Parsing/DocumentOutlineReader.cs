using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// The sections of a stored document (<see cref="IDocumentOutlineReader"/>). Markdown is read with the ingestion's
/// Markdig settings and each block keeps its source text, so emphasis, links and code survive into FAQ answers (raw
/// HTML blocks give their visible text, as at ingestion). Every other format goes through <see cref="IDocumentParser"/>
/// and gives the parsers' text.
/// </summary>
public sealed class DocumentOutlineReader(IDocumentParser parser) : IDocumentOutlineReader
{
    public DocumentOutline Read(DocumentFileType fileType, ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (fileType != DocumentFileType.Markdown)
        {
            return FromBlocks(parser.Parse(fileType, content, limits, cancellationToken));
        }

        try
        {
            return FromMarkdown(MarkdownPreprocessor.Prepare(TextDecoder.Decode(content.Span)), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new DocumentParseException(DocumentErrorCodes.ParseFailed, "The Markdown file could not be read: " + exception.Message.Split('\n', 2)[0]);
        }
    }

    private static DocumentOutline FromMarkdown(string markdown, CancellationToken cancellationToken)
    {
        var outline = new OutlineBuilder();
        string? title = null;
        foreach (var block in Markdown.Parse(markdown, MarkdownParser.Pipeline))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (block is HeadingBlock heading)
            {
                var text = WhitespaceText.Collapse(MarkdownParser.InlineText(heading.Inline));
                outline.AddHeading(heading.Level, text);
                title ??= heading.Level == 1 && text.Length > 0 ? text : null;
                continue;
            }

            var kind = block switch
            {
                ParagraphBlock or HtmlBlock => BlockKind.Paragraph,
                ListBlock => BlockKind.List,
                CodeBlock => BlockKind.Code,
                Table => BlockKind.Table,
                QuoteBlock => BlockKind.Quote,
                _ => (BlockKind?)null,
            };
            if (kind is { } blockKind)
            {
                var source = block is HtmlBlock html
                    ? MarkdownParser.HtmlFragmentText(html.Lines.ToString())
                    : markdown.Substring(block.Span.Start, Math.Min(block.Span.Length, markdown.Length - block.Span.Start));
                outline.Add(blockKind, source);
            }
        }

        return outline.Build(title);
    }

    private static DocumentOutline FromBlocks(ParsedDocument parsed)
    {
        var outline = new OutlineBuilder();
        foreach (var block in parsed.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                outline.AddHeading(Math.Max(1, block.HeadingLevel), block.Text);
            }
            else
            {
                outline.Add(block.Kind, block.Text);
            }
        }

        return outline.Build(parsed.Title);
    }

    /// <summary>Collects sections in reading order, each heading closing the sections at its level and below.</summary>
    private sealed class OutlineBuilder
    {
        private readonly List<OutlineSection> _sections = [];
        private readonly List<(int Level, string Text)> _open = [];
        private List<OutlineBlock> _blocks = [];
        private int _level;
        private string? _heading;

        public void AddHeading(int level, string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            Close();
            level = Math.Clamp(level, 1, 6);
            _open.RemoveAll(h => h.Level >= level);
            _open.Add((level, text.Trim()));
            _level = level;
            _heading = text.Trim();
        }

        public void Add(BlockKind kind, string text)
        {
            var trimmed = text.Trim('\n', '\r');
            if (!string.IsNullOrWhiteSpace(trimmed))
            {
                _blocks.Add(new OutlineBlock(kind, trimmed));
            }
        }

        public DocumentOutline Build(string? title)
        {
            Close();
            return new DocumentOutline(string.IsNullOrWhiteSpace(title) ? null : title.Trim(), _sections);
        }

        private void Close()
        {
            // The text before the first heading is a section only when there is some.
            if (_heading is not null || _blocks.Count > 0)
            {
                _sections.Add(new OutlineSection(_level, _heading, [.. _open.Select(h => h.Text)], _blocks));
            }

            _blocks = [];
        }
    }
}
