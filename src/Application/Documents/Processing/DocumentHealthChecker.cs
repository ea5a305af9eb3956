using System.Globalization;
using System.Text.RegularExpressions;
using Chat9.Domain.Documents;

namespace Chat9.Application.Documents.Processing;

/// <summary>
/// The rule-based, offline health check of a processed document (management-api.md, "Health"). Each code is
/// reported at most once per document (its message counts the occurrences); the score is
/// <see cref="HealthReport.From"/>. Words are counted as <see cref="TextMeasures.CountWords"/> defines them.
/// </summary>
public sealed partial class DocumentHealthChecker
{
    private const int MinWords = 80;
    private const int LongTextWords = 1_500;
    private const int MidSentenceMinWords = 8;
    private const int MediumNoisePercent = 5;
    private const int HighNoisePercent = 20;

    /// <summary>Closing marks that may follow a sentence's final punctuation: <c>(see below.)</c>, <c>"Done."</c>, <c>**Note.**</c></summary>
    private const string ClosingMarks = ")]}\"'”’»*_`";
    private const string SentenceEndings = ".!?…。！？";

    /// <param name="duplicatedChunkCount">How many of <paramref name="chunks"/> repeat chunks of the bot's other documents.</param>
    public HealthReport Check(ParsedDocument document, IReadOnlyList<ChunkDraft> chunks, int duplicatedChunkCount)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(chunks);

        var blocks = document.Blocks.Where(b => !string.IsNullOrWhiteSpace(b.Text)).ToList();
        var words = blocks.Select(b => TextMeasures.CountWords(b.Text)).ToArray();
        var totalWords = words.Sum();

        // Without text every other finding is moot.
        if (totalWords == 0)
        {
            return HealthReport.From([new HealthWarning(HealthWarningCodes.NoText, HealthSeverity.High,
                "No readable text was extracted. If the file is a scan or an image, upload a version with selectable text.")]);
        }

        var warnings = new List<HealthWarning>();
        if (totalWords < MinWords)
        {
            warnings.Add(new HealthWarning(HealthWarningCodes.TooShort, HealthSeverity.Medium, Invariant(
                $"The document is very short ({Words(totalWords)}), too little to answer most questions. Add detail or merge it with a related document.")));
        }

        AddIfFound(warnings, ExtractionNoise(blocks));
        var hasHeadings = blocks.Any(b => b.Kind == BlockKind.Heading);

        // Operations structure an OpenAPI document the way headings structure prose.
        if (totalWords > LongTextWords && !hasHeadings && !blocks.Any(b => b.Kind == BlockKind.Operation))
        {
            warnings.Add(new HealthWarning(HealthWarningCodes.NoHeadings, HealthSeverity.Medium, Invariant(
                $"The document has {Words(totalWords)} but no headings. Add headings so answers can point to the right section.")));
        }

        // Without headings the whole text is one long section, which no_headings already reports.
        if (hasHeadings)
        {
            AddIfFound(warnings, LongSection(blocks, words));
        }

        if (chunks.Count > 0 && duplicatedChunkCount * 2 >= chunks.Count)
        {
            warnings.Add(new HealthWarning(HealthWarningCodes.DuplicateContent, HealthSeverity.Medium, Invariant(
                $"{duplicatedChunkCount} of its {chunks.Count} chunks repeat other documents of this bot. Remove the duplicates so answers cite one source.")));
        }

        AddIfFound(warnings, IncompleteSection(blocks, words));
        return HealthReport.From(warnings);
    }

    /// <summary>
    /// The share of noisy characters among all non-white-space characters (<see cref="TextMeasures.CountNoise"/>).
    /// Symbols only count in prose: code, tables and operations are symbol-heavy by nature.
    /// </summary>
    private static HealthWarning? ExtractionNoise(List<TextBlock> blocks)
    {
        long characters = 0;
        long noisy = 0;
        foreach (var block in blocks)
        {
            var (blockCharacters, blockNoisy) = TextMeasures.CountNoise(block.Text, countSymbols: block.Kind is not (BlockKind.Code or BlockKind.Table or BlockKind.Operation));
            characters += blockCharacters;
            noisy += blockNoisy;
        }

        // Integer comparisons, so exactly 5 % and exactly 20 % stay on the lower side.
        HealthSeverity? severity = noisy * 100 > characters * HighNoisePercent ? HealthSeverity.High
            : noisy * 100 > characters * MediumNoisePercent ? HealthSeverity.Medium
            : null;
        return severity is null ? null : new HealthWarning(HealthWarningCodes.ExtractionNoise, severity.Value, Invariant(
            $"{100.0 * noisy / characters:0.#} % of the text looks garbled (replacement characters, broken accents such as \"Ã©\" or stray symbols). Check the file's encoding or export it again."));
    }

    /// <summary>A section is the run of content between two headings (an operation also ends it).</summary>
    private static HealthWarning? LongSection(List<TextBlock> blocks, int[] words)
    {
        var count = 0;
        var first = "";
        var firstWords = 0;
        var runWords = 0;
        IReadOnlyList<string>? runPath = null;
        for (var i = 0; i <= blocks.Count; i++)
        {
            if (i < blocks.Count && blocks[i].Kind is not (BlockKind.Heading or BlockKind.Operation))
            {
                runPath ??= blocks[i].HeadingPath;
                runWords += words[i];
                continue;
            }

            if (runWords > LongTextWords)
            {
                count++;
                if (count == 1)
                {
                    (first, firstWords) = (SectionName(runPath!), runWords);
                }
            }

            (runWords, runPath) = (0, null);
        }

        if (count == 0)
        {
            return null;
        }

        var others = count > 1 ? Invariant($" It is one of {count} such sections.") : "";
        return new HealthWarning(HealthWarningCodes.LongSection, HealthSeverity.Low, Invariant(
            $"The section {first} has {Words(firstWords)} and no subheading; split it so answers can point to the right part.{others}"));
    }

    /// <summary>
    /// Empty headings (followed by a heading of the same or a higher level, or by the end), unclosed code fences,
    /// TODO/TBD/"coming soon" notes outside code, and sections whose last paragraph (8+ words) stops without a
    /// sentence ending.
    /// </summary>
    private static HealthWarning? IncompleteSection(List<TextBlock> blocks, int[] words)
    {
        var count = 0;
        string? first = null;
        void Found(string description)
        {
            count++;
            first ??= description;
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            var endsSection = next is null || next.Kind == BlockKind.Heading;
            switch (block.Kind)
            {
                case BlockKind.Heading when endsSection && (next is null || Level(next) <= Level(block)):
                    Found($"the empty heading \"{block.Text.Trim()}\"");
                    break;
                case BlockKind.Code when IsUnclosedFence(block.Text):
                    Found($"an unclosed code block in {SectionName(block.HeadingPath)}");
                    break;
                case BlockKind.Paragraph when endsSection && words[i] >= MidSentenceMinWords && EndsMidSentence(block.Text):
                    Found($"text that stops mid-sentence in {SectionName(block.HeadingPath)}");
                    break;
            }

            // A TODO inside a code sample is usually meant for the reader.
            if (block.Kind != BlockKind.Code)
            {
                foreach (Match note in UnfinishedNote().Matches(block.Text))
                {
                    Found($"\"{note.Value}\" in {SectionName(block.HeadingPath)}");
                }
            }
        }

        if (count == 0)
        {
            return null;
        }

        var message = count == 1
            ? $"The document looks unfinished: {first}. Complete or remove it."
            : Invariant($"{count} places look unfinished, the first is {first}. Complete or remove them.");
        return new HealthWarning(HealthWarningCodes.IncompleteSection, HealthSeverity.Low, message);
    }

    private static string Words(int count) => count == 1 ? "1 word" : Invariant($"{count:N0} words");

    private static int Level(TextBlock heading) => Math.Max(1, heading.HeadingLevel);

    /// <summary>A block that opens a ``` (or ~~~) fence and does not close it.</summary>
    private static bool IsUnclosedFence(string text)
    {
        var code = text.AsSpan().Trim();
        var opensFence = code.StartsWith("```") || code.StartsWith("~~~");
        return opensFence && (code.Length < 6 || !code.EndsWith(code[..3]));
    }

    private static bool EndsMidSentence(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd(ClosingMarks);
        return end.Length > 0 && !SentenceEndings.Contains(end[^1]);
    }

    private static string SectionName(IReadOnlyList<string> headingPath) =>
        headingPath.Count > 0 ? $"\"{string.Join(" › ", headingPath)}\"" : "the text before the first heading";

    private static void AddIfFound(List<HealthWarning> warnings, HealthWarning? warning)
    {
        if (warning is not null)
        {
            warnings.Add(warning);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Notes left for the author. TODO and TBD must be upper case: "todo" is an everyday word in Spanish and
    /// Portuguese ("all"), and these markers are written in capitals.
    /// </summary>
    [GeneratedRegex(@"\b(?:TODO|TBD)\b|\b(?i:coming soon)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnfinishedNote();
}
