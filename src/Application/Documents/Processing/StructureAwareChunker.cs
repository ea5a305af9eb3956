using System.Text.RegularExpressions;
using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.Documents.Processing;

/// <summary>
/// Cuts a parsed document into search chunks along its structure (pipeline.md, "4. Retrieval → Index").
/// <list type="bullet">
/// <item>Blocks are taken whole and in order until a chunk reaches <see cref="ChunkingOptions.TargetMaxTokens"/>.
/// A block that does not fit starts the next chunk, unless the chunk is still below
/// <see cref="ChunkingOptions.TargetMinTokens"/>: then it may grow to <see cref="ChunkingOptions.MaxTokens"/> to keep
/// the block whole.</item>
/// <item>A heading at the level of the chunk's section or above (an H2 ends an H2 or H3 section), or any heading once
/// the chunk has <see cref="ChunkingOptions.TargetMinTokens"/>, starts a new chunk, so sections do not mix when that
/// can be avoided. Text before the first heading belongs to the document itself (level 0), so a short introduction
/// takes the first sections with it.</item>
/// <item>A heading travels with the content after it. A heading with no content of its own (next comes a heading of
/// the same or a higher level, an operation, or the end) is left out; the health check reports it.</item>
/// <item>A chunk's heading path and anchor are those of its first content block. A chunk that does not start with a
/// heading (a section's continuation) gets the breadcrumb line "Exporting › PDF" first, so every chunk says where it
/// comes from; it is left out only if it would push the chunk over the maximum.</item>
/// <item>Every operation (OpenAPI) is a chunk of its own and needs no breadcrumb: its first line names it.</item>
/// <item>A block over <see cref="ChunkingOptions.MaxTokens"/> is split into pieces of at most
/// <see cref="ChunkingOptions.TargetMaxTokens"/> (see <see cref="BlockSplitter"/>).</item>
/// <item>A chunk under <see cref="TinyChunkTokens"/> joins the previous chunk of the same section when that stays
/// within <see cref="ChunkingOptions.MaxTokens"/>.</item>
/// </list>
/// No chunk exceeds <see cref="ChunkingOptions.MaxTokens"/> as counted by the <see cref="ITokenCounter"/>. Each block
/// is counted once (a block that must be split, once more per unit and piece) and each chunk once for its
/// <see cref="ChunkDraft.TokenCount"/>, so the cost stays linear in the document's length.
/// </summary>
public sealed partial class StructureAwareChunker(ITokenCounter tokens)
{
    /// <summary>Below this a chunk is a remainder too small to answer anything on its own.</summary>
    private const int TinyChunkTokens = 50;

    private const string BlockSeparator = "\n\n";
    private const string BreadcrumbSeparator = " › ";

    public IReadOnlyList<ChunkDraft> Chunk(ParsedDocument document, ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 1, nameof(options));

        var walk = new DocumentWalk(tokens, Limits.From(options));
        foreach (var block in document.Blocks)
        {
            var text = Normalize(block.Text);
            if (text.Length == 0)
            {
                continue;
            }

            switch (block.Kind)
            {
                case BlockKind.Heading:
                    walk.AddHeading(text, Math.Max(1, block.HeadingLevel));
                    break;
                case BlockKind.Operation:
                    walk.AddOperation(block, text);
                    break;
                default:
                    walk.AddContent(block, text);
                    break;
            }
        }

        return walk.Finish();
    }

    /// <summary>Unix line breaks, at most one blank line in a row, no surrounding white space.</summary>
    private static string Normalize(string text) =>
        BlankLines().Replace(text.Replace("\r\n", "\n").Replace('\r', '\n'), BlockSeparator).Trim();

    [GeneratedRegex(@"\n(?:[ \t]*\n)+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();

    /// <summary>The options made consistent: 1 ≤ target min ≤ target max ≤ max.</summary>
    private readonly record struct Limits(int TargetMin, int TargetMax, int Max)
    {
        public static Limits From(ChunkingOptions options)
        {
            var targetMax = Math.Clamp(options.TargetMaxTokens, 1, options.MaxTokens);
            return new Limits(Math.Clamp(options.TargetMinTokens, 1, targetMax), targetMax, options.MaxTokens);
        }
    }

    /// <summary>A heading waiting for the content it introduces (a heading too long for one chunk is several parts).</summary>
    private readonly record struct PendingHeading(int Level, TextPart Part);

    /// <summary>One document's walk: the chunks so far, the chunk being filled and the headings not placed yet.</summary>
    private sealed class DocumentWalk(ITokenCounter tokens, Limits limits)
    {
        private readonly BlockSplitter _splitter = new(tokens);
        private readonly int _separatorTokens = tokens.CountTokens(BlockSeparator);
        private readonly List<Draft> _drafts = [];
        private readonly List<PendingHeading> _headings = [];
        private Draft? _open;
        private int _sectionLevel;

        public void AddHeading(string text, int level)
        {
            // Pending headings at this level or deeper got no content: they were empty sections.
            _headings.RemoveAll(h => h.Level >= level);
            if (_open is not null && (level <= _open.SectionLevel || _open.Tokens >= limits.TargetMin))
            {
                Close();
            }

            foreach (var part in Parts(text, BlockKind.Heading))
            {
                _headings.Add(new PendingHeading(level, part));
            }

            _sectionLevel = level;
        }

        public void AddContent(TextBlock block, string text)
        {
            foreach (var part in Parts(text, block.Kind))
            {
                var needed = part.Tokens + _headings.Sum(h => h.Part.Tokens) + ((_headings.Count + 1) * _separatorTokens);
                if (_open is not null && !Fits(_open, needed))
                {
                    Close();
                }

                _open ??= OpenChunk(block);
                foreach (var heading in _headings)
                {
                    _open.Add(heading.Part, _separatorTokens);
                }

                _headings.Clear();
                _open.Add(part, _separatorTokens);
            }
        }

        /// <summary>An operation is always a chunk of its own. A heading right above it (an API tag) is in its heading path already.</summary>
        public void AddOperation(TextBlock block, string text)
        {
            Close();
            _headings.Clear();
            foreach (var part in Parts(text, BlockKind.Operation))
            {
                var draft = new Draft(block.HeadingPath, block.Anchor, breadcrumb: null, breadcrumbTokens: 0, sectionLevel: 0, isOperation: true);
                draft.Add(part, _separatorTokens);
                _drafts.Add(draft);
            }
        }

        public List<ChunkDraft> Finish()
        {
            Close();
            return [.. _drafts.SelectMany(Render)];
        }

        private bool Fits(Draft open, int needed) =>
            open.Tokens + needed <= limits.TargetMax || (open.Tokens < limits.TargetMin && open.Tokens + needed <= limits.Max);

        /// <summary>A block whole when it fits in a chunk, else its pieces.</summary>
        private IReadOnlyList<TextPart> Parts(string text, BlockKind kind) =>
            _splitter.TryCount(text) is { } count && count <= limits.Max
                ? [new TextPart(text, count)]
                : _splitter.SplitBlock(text, kind, limits.TargetMax);

        private Draft OpenChunk(TextBlock firstContent)
        {
            if (_headings.Count > 0)
            {
                return new Draft(firstContent.HeadingPath, firstContent.Anchor, breadcrumb: null, breadcrumbTokens: 0, _headings[0].Level, isOperation: false);
            }

            // A continuation of a section (or of the text before any heading) that starts without its heading.
            var breadcrumb = firstContent.HeadingPath.Count > 0 ? string.Join(BreadcrumbSeparator, firstContent.HeadingPath) : null;
            var breadcrumbTokens = breadcrumb is null ? 0 : (_splitter.TryCount(breadcrumb) ?? limits.Max) + _separatorTokens;
            return new Draft(firstContent.HeadingPath, firstContent.Anchor, breadcrumb, breadcrumbTokens, _sectionLevel, isOperation: false);
        }

        private void Close()
        {
            if (_open is null)
            {
                return;
            }

            var previous = _drafts.Count > 0 ? _drafts[^1] : null;
            if (_open.BodyTokens < TinyChunkTokens && previous is { IsOperation: false } && previous.IsSameSection(_open)
                && previous.Tokens + _separatorTokens + _open.BodyTokens <= limits.Max)
            {
                previous.Absorb(_open, _separatorTokens);
            }
            else
            {
                _drafts.Add(_open);
            }

            _open = null;
        }

        /// <summary>
        /// The final text, counted. Counts of joined parts are estimates (a tokenizer may merge across a boundary),
        /// so a chunk that ends up over the limit first loses its breadcrumb, then is split again.
        /// </summary>
        private IEnumerable<ChunkDraft> Render(Draft draft)
        {
            var body = string.Join(BlockSeparator, draft.Parts);
            if (draft.Breadcrumb is not null)
            {
                var text = draft.Breadcrumb + BlockSeparator + body;
                if (_splitter.TryCount(text) is { } withBreadcrumb && withBreadcrumb <= limits.Max)
                {
                    return [new ChunkDraft(text, draft.HeadingPath, draft.Anchor, withBreadcrumb)];
                }
            }

            if (_splitter.TryCount(body) is { } count && count <= limits.Max)
            {
                return [new ChunkDraft(body, draft.HeadingPath, draft.Anchor, count)];
            }

            var header = draft.Breadcrumb is null ? "" : draft.Breadcrumb + BlockSeparator;
            return _splitter.SplitText(body, limits.Max, header).Select(p => new ChunkDraft(p.Text, draft.HeadingPath, draft.Anchor, p.Tokens));
        }
    }

    /// <summary>
    /// A chunk being assembled. <see cref="Tokens"/> estimates its final count: its parts' counts, the separators
    /// between them and its breadcrumb line.
    /// </summary>
    private sealed class Draft(IReadOnlyList<string> headingPath, string? anchor, string? breadcrumb, int breadcrumbTokens, int sectionLevel, bool isOperation)
    {
        public IReadOnlyList<string> HeadingPath { get; } = headingPath;

        public string? Anchor { get; } = anchor;

        public string? Breadcrumb { get; } = breadcrumb;

        /// <summary>The level of the section the chunk belongs to (0: the text before any heading); a heading at this level or above ends it.</summary>
        public int SectionLevel { get; } = sectionLevel;

        public bool IsOperation { get; } = isOperation;

        public List<string> Parts { get; } = [];

        public int BodyTokens { get; private set; }

        public int Tokens => breadcrumbTokens + BodyTokens;

        public void Add(TextPart part, int separatorTokens)
        {
            BodyTokens += part.Tokens + (Parts.Count > 0 ? separatorTokens : 0);
            Parts.Add(part.Text);
        }

        public void Absorb(Draft next, int separatorTokens)
        {
            BodyTokens += separatorTokens + next.BodyTokens;
            Parts.AddRange(next.Parts);
        }

        public bool IsSameSection(Draft other) => Anchor == other.Anchor && HeadingPath.SequenceEqual(other.HeadingPath);
    }
}
