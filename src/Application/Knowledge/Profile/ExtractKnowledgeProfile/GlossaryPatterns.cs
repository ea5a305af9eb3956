using System.Globalization;
using System.Text.RegularExpressions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Processing;
using Chat9.Application.Knowledge.Common;
using Chat9.Domain.Common;
using Chat9.Domain.Knowledge;

namespace Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;

/// <summary>
/// Glossary terms found by the way documentation defines them: "**Term** — definition" or "**Term:** definition"
/// lines, "- Term: definition" list items, definition lists ("Term" then ": definition"), "Term | Definition" tables
/// and sentences "Term is a …" (in the document's language: English, German, French, Spanish, Italian, Portuguese,
/// Dutch). Terms are at most six words; labels such as "Note:" or "Tip:" are no terms.
/// </summary>
public static partial class GlossaryPatterns
{
    private const int MaxTermWords = 6;

    private const int MaxPlainTermWords = 4;

    private const int MinDefinitionWords = 3;

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "note", "notes", "tip", "tips", "pro tip", "warning", "important", "example", "examples", "caution", "info", "information", "hint",
        "see", "see also", "step", "result", "default", "tl;dr", "attention", "danger", "remember", "also", "update", "updated", "new",
        "deprecated", "beta", "required", "optional", "prerequisite", "prerequisites", "requirements", "heads up", "fyi", "summary",
        "question", "answer", "q", "a", "hinweis", "achtung", "tipp", "beispiel", "remarque", "astuce", "attention", "exemple", "nota",
        "consejo", "ejemplo", "aviso", "opmerking", "let op",
    };

    /// <summary>Words that start a sentence "X is a …" without naming a term ("This is a…", "It is the…").</summary>
    private static readonly HashSet<string> NotTerms = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "that", "it", "there", "here", "these", "those", "what", "which", "who", "each", "every", "all", "some", "one", "your", "our",
        "my", "its", "his", "her", "their", "we", "you", "they", "he", "she", "i", "today", "now", "everything", "nothing", "something",
        "anything", "the", "a", "an", "das", "dies", "es", "er", "sie", "hier", "ce", "cela", "il", "elle", "c'est", "esto", "eso", "esta", "este",
        "questo", "questa", "isto", "isso", "dit", "dat", "het",
    };

    /// <summary>Per language: the verbs of "X is a …" and the articles that must follow them (elided ones like "l'" need no space).</summary>
    private static readonly Dictionary<string, (string Verbs, string Articles, string Elided)> DefinitionWords = new(StringComparer.Ordinal)
    {
        ["en"] = ("is|are", "a|an|the", ""),
        ["de"] = ("ist|sind", "ein|eine|der|die|das", ""),
        ["fr"] = ("est|sont", "un|une|le|la|les", "l'|l’"),
        ["es"] = ("es|son", "un|una|el|la|los|las", ""),
        ["it"] = ("è|sono", "un|una|uno|il|lo|la|gli|le", "l'|l’|un'|un’"),
        ["pt"] = ("é|são", "um|uma|o|a|os|as", ""),
        ["nl"] = ("is|zijn", "een|de|het", ""),
    };

    /// <summary>Capitalised articles that may open the sentence before the term ("A **notebook** is …").</summary>
    private const string LeadingArticles = "A|An|The|Ein|Eine|Der|Die|Das|Un|Une|Le|La|Les|El|Los|Las|Il|Lo|Uno|Um|Uma|O|Os|As|De|Het|Een";

    private static readonly Dictionary<string, Regex> DefinitionSentences = DefinitionWords.ToDictionary(
        entry => entry.Key,
        entry =>
        {
            var (verbs, articles, elided) = entry.Value;
            var article = elided.Length == 0 ? $@"(?:{articles})\s+" : $@"(?:(?:{articles})\s+|(?:{elided}))";
            return new Regex(
                $@"(?:^|(?<=[.!?]\s+))(?:(?:{LeadingArticles})\s+)?(?<term>\*\*[^*
]{{1,100}}\*\*|__[^_
]{{1,100}}__|`[^`
]{{1,100}}`|\p{{Lu}}[\p{{L}}\p{{N}}'’\-]*(?:\s+\p{{Lu}}[\p{{L}}\p{{N}}'’\-]*){{0,3}})\s+(?:{verbs})\s+(?<def>{article}[^.!?
]{{3,600}}[.!?]?)",
                RegexOptions.CultureInvariant,
                TimeSpan.FromMilliseconds(200));
        },
        StringComparer.Ordinal);

    private static readonly HashSet<string> TermHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "term", "terms", "word", "name", "concept", "glossary", "begriff", "terme", "término", "termine", "termo", "term/begrip", "begrip",
    };

    private static readonly HashSet<string> DefinitionHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "definition", "meaning", "description", "explanation", "definición", "définition", "bedeutung", "beschreibung", "erklärung",
        "significado", "descrizione", "significato", "definizione", "definição", "descrição", "betekenis", "omschrijving",
    };

    /// <summary>The glossary of all <paramref name="documents"/>, in reading order, first definition of a term winning, within the limits.</summary>
    public static IReadOnlyList<GlossaryEntry> Find(IReadOnlyList<KnowledgeDocument> documents, ProfileLimits limits)
    {
        var glossary = new List<GlossaryEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            foreach (var block in document.Outline.Sections.SelectMany(s => s.Blocks))
            {
                foreach (var entry in FindIn(block, document.Language, limits))
                {
                    if (glossary.Count >= limits.MaxGlossaryEntries)
                    {
                        return glossary;
                    }

                    if (seen.Add(entry.Term))
                    {
                        glossary.Add(entry);
                    }
                }
            }
        }

        return glossary;
    }

    /// <summary>The definitions one block states.</summary>
    public static IEnumerable<GlossaryEntry> FindIn(OutlineBlock block, string? language, ProfileLimits limits)
    {
        var found = block.Kind switch
        {
            BlockKind.Table => TableDefinitions(block.Markdown),
            BlockKind.List => LineDefinitions(block.Markdown, plainTerms: true),
            BlockKind.Paragraph => LineDefinitions(block.Markdown, plainTerms: false)
                .Concat(DefinitionListEntries(block.Markdown))
                .Concat(SentenceDefinitions(block.Markdown, language)),
            _ => [],
        };

        foreach (var (term, definition) in found)
        {
            if (Clean(term, definition, limits) is { } entry)
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<(string Term, string Definition)> LineDefinitions(string markdown, bool plainTerms)
    {
        foreach (var line in markdown.Split('\n'))
        {
            var bold = BoldTermLine().Match(line);
            if (bold.Success && (bold.Groups["inner"].Success || bold.Groups["sep"].Success))
            {
                yield return (bold.Groups["term"].Value, bold.Groups["def"].Value);
                continue;
            }

            var plain = plainTerms ? PlainTermLine().Match(line) : Match.Empty;
            if (plain.Success && WordCount(plain.Groups["term"].Value) <= MaxPlainTermWords && WordCount(plain.Groups["def"].Value) > MinDefinitionWords)
            {
                yield return (plain.Groups["term"].Value, plain.Groups["def"].Value);
            }
        }
    }

    private static IEnumerable<(string Term, string Definition)> DefinitionListEntries(string markdown)
    {
        foreach (Match match in DefinitionListItem().Matches(markdown))
        {
            yield return (match.Groups["term"].Value, match.Groups["def"].Value);
        }
    }

    private static IEnumerable<(string Term, string Definition)> SentenceDefinitions(string markdown, string? language)
    {
        var code = language is { Length: >= 2 } ? language[..2].ToLowerInvariant() : "en";
        var pattern = DefinitionSentences.GetValueOrDefault(code) ?? DefinitionSentences["en"];
        MatchCollection matches;
        try
        {
            matches = pattern.Matches(markdown.ReplaceLineEndings(" "));
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            yield break;
        }

        foreach (Match match in matches)
        {
            var term = match.Groups["term"].Value;
            var firstWord = MarkdownText.Plain(term).Split(' ', 2)[0];
            if (!NotTerms.Contains(firstWord))
            {
                yield return (term, match.Groups["def"].Value);
            }
        }
    }

    /// <summary>Rows of a table whose header reads "Term | Definition" (or "Name | Description" and the like).</summary>
    private static IEnumerable<(string Term, string Definition)> TableDefinitions(string markdown)
    {
        var rows = markdown.Split('\n')
            .Where(line => line.Contains('|', StringComparison.Ordinal) && !TableRule().IsMatch(line))
            .Select(Cells)
            .Where(cells => cells.Count >= 2)
            .ToList();
        if (rows.Count < 2 || !TermHeaders.Contains(MarkdownText.Plain(rows[0][0])) || !DefinitionHeaders.Contains(MarkdownText.Plain(rows[0][1])))
        {
            yield break;
        }

        foreach (var row in rows.Skip(1))
        {
            yield return (row[0], row[1]);
        }
    }

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        trimmed = trimmed.StartsWith('|') ? trimmed[1..] : trimmed;
        trimmed = trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal) ? trimmed[..^1] : trimmed;
        return [.. CellSeparator().Split(trimmed).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim())];
    }

    private static GlossaryEntry? Clean(string rawTerm, string rawDefinition, ProfileLimits limits)
    {
        var term = MarkdownText.Plain(rawTerm).Trim(' ', ':', '：', '-', '–', '—', '.');
        var definition = MarkdownText.Plain(rawDefinition).TrimStart(' ', ':', '：', '-', '–', '—').Trim();
        // A numbered label ("Step 1", "Option 2") introduces an instruction, not a term.
        if (term.Length == 0 || !char.IsLetterOrDigit(term[0]) || term.Split(' ').Any(w => w.All(char.IsDigit)) || WordCount(term) > MaxTermWords
            || Text.CountChars(term) > limits.GlossaryTermMaxChars || Labels.Contains(term) || WordCount(definition) < MinDefinitionWords)
        {
            return null;
        }

        if (char.IsLower(definition[0]))
        {
            definition = char.ToUpper(definition[0], CultureInfo.InvariantCulture) + definition[1..];
        }

        return new GlossaryEntry(term, MarkdownText.CutSentences(definition, limits.GlossaryDefinitionMaxChars));
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>"**Term** — definition", "- **Term:** definition", "1. __Term__: definition".</summary>
    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*|__)(?<term>[^*_\n]{1,100}?)(?<inner>\s*[:：])?\s*(?:\*\*|__)(?:\s*(?<sep>[:：—–]|\s-)\s*|\s+)(?<def>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoldTermLine();

    /// <summary>"- Term: definition" with a capitalised term of a few words.</summary>
    [GeneratedRegex(@"^\s*[-*+]\s+(?<term>\p{Lu}[^:\n*`|]{0,60}?)\s*:\s+(?<def>\p{L}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainTermLine();

    /// <summary>"Term" on one line, ": definition" on the next (Markdown definition lists).</summary>
    [GeneratedRegex(@"(?:^|\n)(?<term>[^\n:]{1,100})\n:[ \t]+(?<def>[^\n]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionListItem();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TableRule();

    [GeneratedRegex(@"(?<!\\)\|", RegexOptions.CultureInvariant)]
    private static partial Regex CellSeparator();
}
