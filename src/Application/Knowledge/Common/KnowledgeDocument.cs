using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Common;

namespace Chat9.Application.Knowledge.Common;

/// <summary>A ready document of a bot with its outline, as the knowledge profile and the FAQ suggestions read it.</summary>
/// <param name="Title">The document's own title, else its file name without extension (crawled pages: the page title).</param>
/// <param name="Language">The language detected at ingestion (ISO 639-1) or null.</param>
public sealed record KnowledgeDocument(Guid Id, string Title, string Filename, string? Language, DocumentOutline Outline)
{
    /// <summary>The blocks of <paramref name="index"/>'s section and of the sections nested under it, as Markdown.
    /// Nested headings become bold lines: the text is meant to be read as one answer, not as a page.</summary>
    public string SectionMarkdown(int index)
    {
        var sections = Outline.Sections;
        var text = new StringBuilder();
        AppendBlocks(text, sections[index].Blocks);
        for (var i = index + 1; i < sections.Count && sections[i].Level > sections[index].Level; i++)
        {
            if (sections[i].Heading is { } heading && (sections[i].Blocks.Count > 0 || HasContentBelow(i)))
            {
                Separate(text).Append("**").Append(heading).Append("**");
            }

            AppendBlocks(text, sections[i].Blocks);
        }

        return text.ToString().Trim();
    }

    /// <summary>The whole document as Markdown (headings with their levels), cut to about <paramref name="maxChars"/> at a block boundary.</summary>
    public string Markdown(int maxChars)
    {
        var text = new StringBuilder();
        foreach (var section in Outline.Sections)
        {
            if (section.Heading is { } heading)
            {
                Separate(text).Append('#', Math.Clamp(section.Level, 1, 6)).Append(' ').Append(heading);
            }

            foreach (var block in section.Blocks)
            {
                if (text.Length + block.Markdown.Length + 2 > maxChars)
                {
                    return text.Length == 0 ? Text.Truncate(block.Markdown, maxChars) : text.ToString();
                }

                Separate(text).Append(block.Markdown);
            }
        }

        return text.ToString();
    }

    private bool HasContentBelow(int index)
    {
        var sections = Outline.Sections;
        for (var i = index + 1; i < sections.Count && sections[i].Level > sections[index].Level; i++)
        {
            if (sections[i].Blocks.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendBlocks(StringBuilder text, IReadOnlyList<OutlineBlock> blocks)
    {
        foreach (var block in blocks)
        {
            Separate(text).Append(block.Markdown.Trim());
        }
    }

    private static StringBuilder Separate(StringBuilder text) => text.Length == 0 ? text : text.Append("\n\n");
}
