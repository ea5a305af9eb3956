using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;

namespace Chat9.Application.UnitTests.Documents.Processing;

public sealed class DocumentHealthCheckerTests
{
    private static readonly ChunkDraft[] OneChunk = [new("text", [], null, 1)];

    private readonly DocumentHealthChecker _checker = new();

    [Test]
    public void Check_CleanDocument_Scores100WithoutWarnings()
    {
        var report = Check(CleanGuide().Build());

        Assert.That(report.Warnings, Is.Empty);
        Assert.That(report.Score, Is.EqualTo(100));
    }

    [Test]
    public void Check_NoReadableText_ReportsOnlyNoText()
    {
        var document = new DocumentBuilder().Paragraph("").Paragraph("  ").Paragraph("— | —").Paragraph("\uFFFD\uFFFD").Build();

        var report = Check(document);

        Assert.That(report.Warnings.Select(w => (w.Code, w.Severity)), Is.EqualTo(new[] { ("no_text", HealthSeverity.High) }));
        Assert.That(report.Score, Is.EqualTo(60));
    }

    [TestCase(79, true)]
    [TestCase(80, false)]
    public void Check_FewerThan80Words_IsTooShort(int words, bool expected)
    {
        var report = Check(new DocumentBuilder().Paragraph(Sample.Words(words) + ".").Build());

        Assert.That(Find(report, "too_short")?.Severity, Is.EqualTo(expected ? HealthSeverity.Medium : null));
    }

    [TestCase(5, null)]
    [TestCase(6, HealthSeverity.Medium)]
    [TestCase(20, HealthSeverity.Medium)]
    [TestCase(21, HealthSeverity.High)]
    public void Check_ReplacementCharacters_AreNoiseAbove5And20Percent(int noisyPerHundred, HealthSeverity? expected)
    {
        var text = new string('a', 100 - noisyPerHundred) + " \n " + new string('\uFFFD', noisyPerHundred);

        var report = Check(new DocumentBuilder().Paragraph(text).Build());

        Assert.That(Find(report, "extraction_noise")?.Severity, Is.EqualTo(expected));
    }

    [TestCase("Ã©")]
    [TestCase("Ã¼")]
    [TestCase("â€™")]
    [TestCase("Ð¿")]
    public void Check_Mojibake_IsNoise(string sequence)
    {
        var garbled = string.Join(' ', Enumerable.Repeat($"abcdef{sequence}", 10));

        // Symbols do not count in code, so only the mojibake rule can find this.
        var report = Check(new DocumentBuilder().Block(BlockKind.Code, garbled).Build());

        Assert.That(Find(report, "extraction_noise")?.Severity, Is.EqualTo(HealthSeverity.High));
    }

    [Test]
    public void Check_AccentsDashesAndAsciiSymbols_AreNotNoise()
    {
        var text = "Déjà vu in São Paulo – «AÑO» Łódź naïve € 5. Use `a+b` if x <= $5 | y ^ 2 ~ z = 3 # note (see {id}).";

        var report = Check(new DocumentBuilder().Paragraph(string.Join(' ', Enumerable.Repeat(text, 10))).Build());

        Assert.That(Find(report, "extraction_noise"), Is.Null);
    }

    [TestCase(BlockKind.Paragraph, true)]
    [TestCase(BlockKind.List, true)]
    [TestCase(BlockKind.Code, false)]
    [TestCase(BlockKind.Table, false)]
    public void Check_NonAsciiSymbols_AreNoiseOnlyInProse(BlockKind kind, bool expected)
    {
        var text = new string('a', 90) + " " + new string('■', 10);

        var report = Check(new DocumentBuilder().Block(kind, text).Build());

        Assert.That(Find(report, "extraction_noise") is not null, Is.EqualTo(expected));
    }

    [TestCase(1500, false)]
    [TestCase(1501, true)]
    public void Check_LongTextWithoutHeadings_HasNoHeadings(int words, bool expected)
    {
        var report = Check(new DocumentBuilder().Paragraph(Sample.Words(words) + ".").Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Find(report, "no_headings")?.Severity, Is.EqualTo(expected ? HealthSeverity.Medium : null));
            Assert.That(Find(report, "long_section"), Is.Null, "a document without headings is not also one long section");
        }
    }

    [Test]
    public void Check_LongTextWithAHeading_HasHeadings()
    {
        var report = Check(new DocumentBuilder().Heading(1, "Guide").Paragraph(Sample.Sentences(100, 10)).Paragraph(Sample.Sentences(100, 10)).Build());

        Assert.That(Find(report, "no_headings"), Is.Null);
    }

    [Test]
    public void Check_OpenApiDocumentWithoutHeadings_HasNoNoHeadingsWarning()
    {
        var builder = new DocumentBuilder();
        for (var i = 0; i < 40; i++)
        {
            builder.Operation($"GET /items/{i}\n" + Sample.Sentences(5, 10), $"getItem{i}");
        }

        Assert.That(Find(Check(builder.Build()), "no_headings"), Is.Null);
    }

    [TestCase(1500, false)]
    [TestCase(1501, true)]
    public void Check_SectionOver1500WordsWithoutSubheading_IsLong(int words, bool expected)
    {
        var document = new DocumentBuilder().Heading(1, "Guide").Heading(2, "Setup").Paragraph(Sample.Words(words - 1) + " end.").Build();

        var warning = Find(Check(document), "long_section");

        Assert.That(warning?.Severity, Is.EqualTo(expected ? HealthSeverity.Low : null));
        if (expected)
        {
            Assert.That(warning!.Message, Does.Contain("\"Guide › Setup\"").And.Contain("1,501 words"));
        }
    }

    [Test]
    public void Check_SubheadingsSplittingALongSection_AreEnough()
    {
        var document = new DocumentBuilder()
            .Heading(2, "Setup").Paragraph(Sample.Sentences(100, 10))
            .Heading(3, "More").Paragraph(Sample.Sentences(100, 10))
            .Build();

        Assert.That(Find(Check(document), "long_section"), Is.Null);
    }

    [Test]
    public void Check_SeveralLongSections_GiveOneWarningNamingTheFirst()
    {
        var document = new DocumentBuilder()
            .Heading(2, "Short").Paragraph(Sample.Sentences(10, 10))
            .Heading(2, "First").Paragraph(Sample.Sentences(80, 10)).Paragraph(Sample.Sentences(80, 10))
            .Heading(2, "Second").Paragraph(Sample.Sentences(160, 10))
            .Build();

        var warnings = Check(document).Warnings.Where(w => w.Code == "long_section").ToList();

        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Message, Does.Contain("\"First\"").And.Contain("1,600 words").And.Contain("one of 2 such sections"));
    }

    [TestCase(5, 10, true)]
    [TestCase(4, 10, false)]
    [TestCase(1, 1, true)]
    [TestCase(0, 0, false)]
    public void Check_HalfOrMoreChunksDuplicated_IsDuplicateContent(int duplicated, int chunkCount, bool expected)
    {
        var chunks = Enumerable.Repeat(OneChunk[0], chunkCount).ToList();

        var report = _checker.Check(CleanGuide().Build(), chunks, duplicated);

        Assert.That(Find(report, "duplicate_content")?.Severity, Is.EqualTo(expected ? HealthSeverity.Medium : null));
    }

    [Test]
    public void Check_HeadingFollowedByAHeadingOfTheSameLevel_IsEmpty()
    {
        var document = CleanGuide().Heading(2, "Limits").Heading(2, "Billing").Paragraph(Sample.Sentences(2, 10)).Build();

        var warning = Find(Check(document), "incomplete_section");

        Assert.That(warning?.Severity, Is.EqualTo(HealthSeverity.Low));
        Assert.That(warning!.Message, Does.Contain("empty heading \"Limits\""));
    }

    [Test]
    public void Check_HeadingFollowedByItsSubheading_IsNotEmpty()
    {
        var document = CleanGuide().Heading(2, "Limits").Heading(3, "Daily").Paragraph(Sample.Sentences(2, 10)).Build();

        Assert.That(Find(Check(document), "incomplete_section"), Is.Null);
    }

    [Test]
    public void Check_HeadingAtTheEnd_IsEmpty()
    {
        var document = CleanGuide().Heading(2, "Limits").Build();

        Assert.That(Find(Check(document), "incomplete_section")?.Message, Does.Contain("\"Limits\""));
    }

    [TestCase("```js\nrun()", true)]
    [TestCase("~~~\nrun()", true)]
    [TestCase("```", true)]
    [TestCase("```js\nrun()\n```", false)]
    [TestCase("run()", false)]
    public void Check_CodeBlockWithoutClosingFence_IsIncomplete(string code, bool expected)
    {
        var document = CleanGuide().Block(BlockKind.Code, code).Paragraph(Sample.Sentences(1, 10)).Build();

        Assert.That(Find(Check(document), "incomplete_section") is not null, Is.EqualTo(expected));
    }

    [TestCase("TODO: describe the limits.", true)]
    [TestCase("Pricing is TBD.", true)]
    [TestCase("Dark mode is Coming Soon!", true)]
    [TestCase("Todo el mundo lo usa.", false)]
    [TestCase("Los TODOS cuentan.", false)]
    [TestCase("The upcoming release ships soon.", false)]
    public void Check_UnfinishedNote_IsIncomplete(string paragraph, bool expected)
    {
        var document = CleanGuide().Paragraph(paragraph).Build();

        Assert.That(Find(Check(document), "incomplete_section") is not null, Is.EqualTo(expected));
    }

    [Test]
    public void Check_TodoInsideCode_IsNotIncomplete()
    {
        var document = CleanGuide().Block(BlockKind.Code, "```\n// TODO: put your API key here\n```").Paragraph(Sample.Sentences(1, 10)).Build();

        Assert.That(Find(Check(document), "incomplete_section"), Is.Null);
    }

    [TestCase("one two three four five six seven eight", true)]
    [TestCase("Run the following command in a terminal before you continue:", true)]
    [TestCase("one two three four five six seven", false)]
    [TestCase("one two three four five six seven eight.", false)]
    [TestCase("one two three four five six seven (see eight.)", false)]
    [TestCase("一二三四五六七八。", false)]
    public void Check_SectionEndingMidSentence_IsIncomplete(string lastParagraph, bool expected)
    {
        var document = CleanGuide().Paragraph(lastParagraph).Heading(2, "Next").Paragraph(Sample.Sentences(1, 10)).Build();

        Assert.That(Find(Check(document), "incomplete_section") is not null, Is.EqualTo(expected));
    }

    [Test]
    public void Check_ParagraphEndingMidSentenceInsideASection_IsFine()
    {
        var document = CleanGuide().Paragraph("one two three four five six seven eight").Paragraph(Sample.Sentences(1, 10)).Build();

        Assert.That(Find(Check(document), "incomplete_section"), Is.Null);
    }

    [Test]
    public void Check_SeveralUnfinishedPlaces_GiveOneWarningThatCountsThem()
    {
        var document = CleanGuide()
            .Heading(2, "Limits").Heading(2, "Billing").Paragraph("TODO.")
            .Paragraph("one two three four five six seven eight")
            .Build();

        var warnings = Check(document).Warnings.Where(w => w.Code == "incomplete_section").ToList();

        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Message, Does.StartWith("3 places").And.Contain("\"Limits\""));
    }

    [Test]
    public void Check_HighMediumAndLowWarnings_Score40()
    {
        var document = new DocumentBuilder().Paragraph("TODO fix this. " + new string('\uFFFD', 50) + " Done.").Build();

        var report = Check(document);

        Assert.That(report.Warnings.Select(w => (w.Code, w.Severity)), Is.EqualTo(new[]
        {
            ("too_short", HealthSeverity.Medium),
            ("extraction_noise", HealthSeverity.High),
            ("incomplete_section", HealthSeverity.Low),
        }));
        Assert.That(report.Score, Is.EqualTo(40));
    }

    [Test]
    public void Check_EveryWarning_HasASentenceForOperators()
    {
        var document = new DocumentBuilder().Paragraph("TODO " + new string('\uFFFD', 50)).Heading(2, "Empty").Build();

        var report = _checker.Check(document, OneChunk, 1);

        Assert.That(report.Warnings, Has.Count.EqualTo(4));
        Assert.That(report.Warnings.Select(w => w.Message), Has.All.Match(@"^[A-Z0-9""].{20,}\.$"));
    }

    /// <summary>A healthy guide of 152 words: a title, a subsection, sentences that end.</summary>
    private static DocumentBuilder CleanGuide() =>
        new DocumentBuilder().Heading(1, "Guide").Paragraph(Sample.Sentences(10, 10)).Heading(2, "Setup").Paragraph(Sample.Sentences(5, 10));

    private HealthReport Check(ParsedDocument document) => _checker.Check(document, OneChunk, 0);

    private static HealthWarning? Find(HealthReport report, string code) => report.Warnings.SingleOrDefault(w => w.Code == code);
}
