using System.Text.RegularExpressions;
using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Processing;
using Chat9.Application.Knowledge.Common;
using Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;
using Chat9.Domain.Common;

namespace Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;

/// <summary>
/// The knowledge profile without a model (management-api.md "Profile"): the product name from the bot name and the
/// document titles, the summary from the opening of the main documents, topics from the headings and the glossary from
/// definition patterns. Every value respects the profile limits; what does not fit is dropped (topics, terms) or cut
/// at a sentence (summary, definitions).
/// </summary>
public static partial class ProfileHeuristics
{
    /// <summary>About a paragraph or two: enough for the guard's topic check and an operator's first read.</summary>
    private const int SummaryTargetChars = 600;

    private const int SummaryMaxDocuments = 3;

    private const int TitlesConsidered = 10;

    /// <summary>Words that name the assistant rather than the product ("Acme Support Bot" is about "Acme").</summary>
    private static readonly HashSet<string> AssistantWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "assistant", "bot", "chatbot", "chat", "support", "help", "helper", "helpdesk", "desk", "ai", "agent", "copilot", "faq",
        "docs", "documentation", "service", "team", "virtual",
    };

    /// <summary>Trailing words of documentation titles ("Acme Docs", "Acme Cloud User Guide").</summary>
    private static readonly string[] DocumentationSuffixes =
    [
        "documentation", "docs", "help center", "help centre", "user guide", "user manual", "guide", "manual", "knowledge base", "handbook", "support",
    ];

    /// <summary>Headings that structure a page without naming a subject.</summary>
    private static readonly HashSet<string> GenericHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "overview", "introduction", "intro", "contents", "table of contents", "toc", "summary", "see also", "next steps", "related",
        "related articles", "notes", "note", "example", "examples", "prerequisites", "requirements", "faq", "faqs",
        "frequently asked questions", "questions", "more", "more information", "learn more", "resources", "references", "appendix",
        "changelog", "tips", "troubleshooting tips", "conclusion", "getting help", "support", "contact", "contact us", "index", "readme",
    };

    public static ProfileDraft Extract(string botName, IReadOnlyList<KnowledgeDocument> documents, ProfileLimits limits)
    {
        if (documents.Count == 0)
        {
            return ProfileDraft.Empty;
        }

        var titles = documents.Take(TitlesConsidered).Select(d => d.Title).ToList();
        return new ProfileDraft(ProductName(botName, titles, limits), Summary(documents, limits), Topics(documents, limits), GlossaryPatterns.Find(documents, limits));
    }

    /// <summary>
    /// A part most titles share ("Acme Cloud" of "Acme Cloud: Billing" and "Acme Cloud – Setup") when it names the bot
    /// or the bot's name gives no product; else the bot's name without assistant words ("Acme" of "Acme Support Bot"),
    /// spelled as the titles spell it; else a shared part of the titles; else the bot's name itself.
    /// </summary>
    public static string? ProductName(string botName, IReadOnlyList<string> titles, ProfileLimits limits)
    {
        var name = MarkdownText.Collapse(botName);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var core = string.Join(' ', words.Where(w => !AssistantWords.Contains(w.Trim('.', ',', '-', '–', ':'))));
        if (core.Length == 0)
        {
            core = name;
        }

        var mention = new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(core)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var shared = SharedTitlePart(titles);
        var product = shared is not null && mention.IsMatch(shared)
            ? shared
            : titles.Select(t => mention.Match(t)).FirstOrDefault(m => m.Success)?.Value ?? shared ?? core;
        return product.Length == 0 || Text.CountChars(product) > limits.ProductNameMaxChars ? null : product;
    }

    /// <summary>The opening paragraphs of the main document (and of the next ones while it stays short), cut at a sentence.</summary>
    public static string? Summary(IReadOnlyList<KnowledgeDocument> documents, ProfileLimits limits)
    {
        var paragraphs = new List<string>();
        var length = 0;
        foreach (var document in documents.Take(SummaryMaxDocuments))
        {
            foreach (var paragraph in OpeningParagraphs(document))
            {
                paragraphs.Add(paragraph);
                length += paragraph.Length;
                if (length >= SummaryTargetChars)
                {
                    break;
                }
            }

            if (length >= SummaryTargetChars / 3)
            {
                break;
            }
        }

        var summary = string.Join("\n\n", paragraphs).Trim();
        return summary.Length == 0 ? null : MarkdownText.CutSentences(summary, limits.SummaryMaxChars);
    }

    /// <summary>
    /// Document titles, then the headings right below each document's title (its top level when it has several
    /// top-level headings): numbering and trailing colons removed, questions and generic headings ("Overview",
    /// "Next steps") left out, duplicates ignoring case dropped, at most the topic limit.
    /// </summary>
    public static IReadOnlyList<string> Topics(IReadOnlyList<KnowledgeDocument> documents, ProfileLimits limits)
    {
        var topics = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Add(string? heading, string? language)
        {
            if (topics.Count >= limits.MaxTopics || heading is null)
            {
                return;
            }

            var topic = CleanTopic(heading);
            if (topic.Length < 2 || Text.CountChars(topic) > limits.TopicMaxChars || GenericHeadings.Contains(topic)
                || QuestionHeadings.IsQuestion(topic, language) || !seen.Add(topic))
            {
                return;
            }

            topics.Add(topic);
        }

        foreach (var document in documents)
        {
            Add(document.Title, document.Language);
        }

        foreach (var document in documents)
        {
            var headings = document.Outline.Sections.Where(s => s.Heading is not null).ToList();
            if (headings.Count == 0)
            {
                continue;
            }

            var top = headings.Min(s => s.Level);
            var level = headings.Count(s => s.Level == top) == 1 ? top + 1 : top;
            foreach (var section in headings.Where(s => s.Level == level))
            {
                Add(section.Heading, document.Language);
            }
        }

        return topics;
    }

    public static string CleanTopic(string heading)
    {
        var topic = Numbering().Replace(MarkdownText.Plain(heading), string.Empty);
        return topic.TrimEnd(':', '.', ';', ' ', '-', '–', '—').Trim();
    }

    /// <summary>The paragraphs before the document's first subsection (its introduction), else its first paragraph, as plain text.</summary>
    private static IEnumerable<string> OpeningParagraphs(KnowledgeDocument document)
    {
        var sections = document.Outline.Sections;
        var headed = sections.Where(s => s.Heading is not null).ToList();
        var titleLevel = headed.Count > 0 && headed.Count(s => s.Level == headed.Min(h => h.Level)) == 1 ? headed.Min(h => h.Level) : 0;
        var opening = sections
            .TakeWhile(s => s.Heading is null || s.Level <= titleLevel)
            .SelectMany(s => s.Blocks)
            .Where(b => b.Kind is BlockKind.Paragraph or BlockKind.Quote)
            .Select(b => MarkdownText.Plain(b.Markdown))
            .Where(p => p.Length > 0)
            .ToList();
        if (opening.Count > 0)
        {
            return opening;
        }

        var first = sections.SelectMany(s => s.Blocks).FirstOrDefault(b => b.Kind == BlockKind.Paragraph);
        return first is null ? [] : [MarkdownText.Plain(first.Markdown)];
    }

    private static string? SharedTitlePart(IReadOnlyList<string> titles)
    {
        if (titles.Count < 2)
        {
            return null;
        }

        var counts = new Dictionary<string, (string Spelling, int Count)>(StringComparer.OrdinalIgnoreCase);
        foreach (var title in titles)
        {
            var parts = TitleSeparator().Split(MarkdownText.Plain(title))
                .Select(WithoutDocumentationSuffix)
                .Where(p => p.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts)
            {
                counts[part] = counts.TryGetValue(part, out var known) ? (known.Spelling, known.Count + 1) : (part, 1);
            }
        }

        return counts.Values
            .Where(c => c.Count >= 2 && c.Count * 2 >= titles.Count)
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Spelling.Length)
            .Select(c => c.Spelling)
            .FirstOrDefault();
    }

    private static string WithoutDocumentationSuffix(string part)
    {
        var text = part.Trim();
        foreach (var suffix in DocumentationSuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(" " + suffix, StringComparison.OrdinalIgnoreCase))
            {
                return text[..^(suffix.Length + 1)].Trim();
            }
        }

        return text;
    }

    [GeneratedRegex(@"\s+[:|·•]\s*|\s*[:|·•]\s+|\s+[-–—]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSeparator();

    /// <summary>"1.", "2.3", "IV.", "Step 3:", "Chapter 2 –", "Part 1:" at the start of a heading.</summary>
    [GeneratedRegex(@"^(?:(?:step|chapter|part|section|schritt|kapitel|étape|chapitre|paso|capítulo)\s+\d+[.:)]?\s*[-–—:]?\s*|\d+(?:\.\d+)*[.)]?\s+|[IVXLC]+\.\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();
}
