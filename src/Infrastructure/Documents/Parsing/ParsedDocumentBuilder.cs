using System.Globalization;
using Chat9.Application.Documents.Processing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// Collects blocks in reading order and gives each the heading path and anchor of the section it sits in.
/// Enforces the shared rules while blocks arrive, so an oversized document stops early: cancellation,
/// <see cref="ParseLimits.MaxDocumentChars"/>, and at the end, that some text was found.
/// </summary>
internal sealed class ParsedDocumentBuilder(ParseLimits limits, CancellationToken cancellationToken)
{
    public const string DefaultNoTextMessage = "No readable text was found in the file.";

    private readonly List<TextBlock> _blocks = [];
    private readonly List<OpenHeading> _openHeadings = [];
    private readonly Dictionary<string, int> _slugUses = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _headingPath = [];
    private long _textLength;

    /// <summary>Opens a section; it closes every open section of the same or a deeper level. A blank heading is ignored.</summary>
    public void AddHeading(int level, string text, string? explicitId = null)
    {
        var heading = WhitespaceText.Collapse(text);
        if (heading.Length == 0)
        {
            return;
        }

        level = Math.Clamp(level, 1, 6);
        while (_openHeadings.Count > 0 && _openHeadings[^1].Level >= level)
        {
            _openHeadings.RemoveAt(_openHeadings.Count - 1);
        }

        var anchor = string.IsNullOrWhiteSpace(explicitId) ? UniqueSlug(heading) : explicitId.Trim();
        _openHeadings.Add(new OpenHeading(level, heading, anchor));
        _headingPath = _openHeadings.Select(h => h.Text).ToArray();
        Append(new TextBlock(BlockKind.Heading, heading, _headingPath, anchor, level));
    }

    /// <summary>Adds a block to the current section; blank text is ignored.</summary>
    public void Add(BlockKind kind, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Append(new TextBlock(kind, text, _headingPath, _openHeadings.Count > 0 ? _openHeadings[^1].Anchor : null));
    }

    /// <summary>Adds a block that carries its own place in the document (an API operation), outside the heading sections.</summary>
    public void AddWithPath(BlockKind kind, string text, IReadOnlyList<string> headingPath, string? anchor) =>
        Append(new TextBlock(kind, text, headingPath, anchor));

    public ParsedDocument Build(string? title, string noTextMessage = DefaultNoTextMessage)
    {
        if (_blocks.Count == 0)
        {
            throw new DocumentParseException(DocumentErrorCodes.NoText, noTextMessage);
        }

        var cleanTitle = title is null ? "" : WhitespaceText.Collapse(title);
        return new ParsedDocument(cleanTitle.Length == 0 ? null : cleanTitle, _blocks);
    }

    private void Append(TextBlock block)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _textLength += block.Text.Length;
        if (_textLength > limits.MaxDocumentChars)
        {
            throw new DocumentParseException(DocumentErrorCodes.TooMuchText, string.Create(CultureInfo.InvariantCulture,
                $"The document has more than {limits.MaxDocumentChars:N0} characters of text. Split it into smaller files and upload them separately."));
        }

        _blocks.Add(block);
    }

    // Repeated headings get "-1", "-2"… like GitHub, so every section keeps a distinct link target.
    private string? UniqueSlug(string heading)
    {
        var slug = Slug.From(heading);
        if (slug.Length == 0)
        {
            return null;
        }

        if (!_slugUses.TryGetValue(slug, out var uses))
        {
            _slugUses[slug] = 1;
            return slug;
        }

        _slugUses[slug] = uses + 1;
        return $"{slug}-{uses}";
    }

    private sealed record OpenHeading(int Level, string Text, string? Anchor);
}
