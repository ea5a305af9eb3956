using Chat9.Application.Common.Interfaces;
using Chat9.Application.Documents.Processing;
using Chat9.Application.Knowledge.Common;

namespace Chat9.Application.UnitTests.Knowledge;

/// <summary>Documents and text analysis for the knowledge heuristics, without parsers or stemmers.</summary>
internal static class KnowledgeTesting
{
    /// <summary>
    /// A document from a compact outline: lines starting with '#' are headings, "- " lines form lists, "| " lines
    /// tables, anything else a paragraph; blank lines separate blocks.
    /// </summary>
    public static KnowledgeDocument Document(string title, string outline, string? language = "en", string? filename = null)
    {
        var sections = new List<OutlineSection>();
        var path = new List<(int Level, string Text)>();
        var blocks = new List<OutlineBlock>();
        (int Level, string? Heading) current = (0, null);

        void Close()
        {
            if (current.Heading is not null || blocks.Count > 0)
            {
                sections.Add(new OutlineSection(current.Level, current.Heading, [.. path.Select(p => p.Text)], blocks));
            }

            blocks = [];
        }

        foreach (var chunk in outline.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (chunk.StartsWith('#'))
            {
                Close();
                var level = chunk.TakeWhile(c => c == '#').Count();
                var text = chunk[level..].Trim();
                path.RemoveAll(p => p.Level >= level);
                path.Add((level, text));
                current = (level, text);
                continue;
            }

            var kind = chunk.StartsWith("- ", StringComparison.Ordinal) ? BlockKind.List
                : chunk.StartsWith("| ", StringComparison.Ordinal) ? BlockKind.Table
                : chunk.StartsWith("```", StringComparison.Ordinal) ? BlockKind.Code
                : BlockKind.Paragraph;
            blocks.Add(new OutlineBlock(kind, chunk));
        }

        Close();
        return new KnowledgeDocument(Guid.NewGuid(), title, filename ?? title + ".md", language, new DocumentOutline(title, sections));
    }

    /// <summary>Lower-case words without a few English stop words, a final "s" cut: enough to tell questions apart.</summary>
    public sealed class WordTerms : ITextTerms
    {
        private static readonly HashSet<string> StopWords =
        [
            "how", "do", "i", "can", "my", "a", "an", "the", "is", "what", "to", "of", "in", "on", "for", "you", "we", "does", "it", "are", "there",
        ];

        public IReadOnlyList<string> Analyze(string text, string? language) =>
        [
            .. text.ToLowerInvariant()
                .Split([.. text.Where(c => !char.IsLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !StopWords.Contains(w))
                .Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w),
        ];
    }
}
