using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;

namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Reads a stored original again as its sections: each heading with the content up to the next heading, in reading
/// order. The knowledge profile and the FAQ suggestions need the structure (which text belongs to which heading) that
/// search chunks blur. Markdown files keep their Markdown (emphasis, links, lists, code); other formats give the
/// parsers' text. Throws <see cref="DocumentParseException"/> when the document cannot be read.
/// </summary>
public interface IDocumentOutlineReader
{
    DocumentOutline Read(DocumentFileType fileType, ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken);
}

/// <param name="Title">The document's own title (first level-1 heading, page title), or null.</param>
/// <param name="Sections">The text before the first heading (level 0, no heading) and then one section per heading.</param>
public sealed record DocumentOutline(string? Title, IReadOnlyList<OutlineSection> Sections);

/// <param name="Level">1–6 for a heading's section; 0 for the text before the first heading.</param>
/// <param name="Heading">The heading as plain text; null for level 0.</param>
/// <param name="HeadingPath">The enclosing headings and this one.</param>
/// <param name="Blocks">The section's own content blocks (up to the next heading of any level), each as Markdown.</param>
public sealed record OutlineSection(int Level, string? Heading, IReadOnlyList<string> HeadingPath, IReadOnlyList<OutlineBlock> Blocks);

/// <param name="Kind">Paragraph, list, code, table, quote or operation.</param>
public sealed record OutlineBlock(BlockKind Kind, string Markdown);
