using Chat9.Application.Documents.Processing;

namespace Chat9.Application.UnitTests.Documents.Processing;

public sealed class StructureAwareChunkerTests
{
    private static readonly ChunkingOptions Options = new();

    private readonly FakeTokenCounter _counter = new();

    [Test]
    public void Chunk_SmallDocument_IsOneChunkStartingWithItsTitle()
    {
        var document = new DocumentBuilder()
            .Heading(1, "Guide").Paragraph(Sample.Words(40, "g"))
            .Heading(2, "Install").Paragraph(Sample.Words(30, "i"))
            .Heading(2, "Use").Paragraph(Sample.Words(30, "u"))
            .Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks[0].Text, Does.StartWith("Guide\n\n" + Sample.Words(40, "g") + "\n\nInstall\n\n"));
            Assert.That(chunks[0].HeadingPath, Is.EqualTo(new[] { "Guide" }));
            Assert.That(chunks[0].Anchor, Is.EqualTo("guide"));
            Assert.That(chunks[0].TokenCount, Is.EqualTo(103));
        }
    }

    [Test]
    public void Chunk_NoText_GivesNoChunks()
    {
        var document = new DocumentBuilder().Paragraph("").Paragraph("  \n\n ").Block(BlockKind.Code, "\r\n").Build();

        Assert.That(Chunk(document), Is.Empty);
    }

    [Test]
    public void Chunk_TrimsAndCollapsesBlankLines()
    {
        var document = new DocumentBuilder().Paragraph("  one\r\n\r\n \r\n\r\ntwo\rthree  ").Build();

        Assert.That(Chunk(document).Single().Text, Is.EqualTo("one\n\ntwo\nthree"));
    }

    [Test]
    public void Chunk_HeadingOfTheSameLevel_StartsANewChunk()
    {
        var document = new DocumentBuilder()
            .Heading(2, "Alpha").Paragraph(Sample.Words(50, "a"))
            .Heading(2, "Beta").Paragraph(Sample.Words(50, "b"))
            .Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks[0].Text, Is.EqualTo("Alpha\n\n" + Sample.Words(50, "a")));
            Assert.That(chunks[1].Text, Is.EqualTo("Beta\n\n" + Sample.Words(50, "b")));
            Assert.That(chunks.Select(c => c.Anchor), Is.EqualTo(new[] { "alpha", "beta" }));
            Assert.That(chunks[1].HeadingPath, Is.EqualTo(new[] { "Beta" }));
        }
    }

    [Test]
    public void Chunk_Subheading_JoinsAChunkBelowTargetMin()
    {
        var document = new DocumentBuilder()
            .Heading(1, "Guide").Paragraph(Sample.Words(300, "g"))
            .Heading(2, "Sub").Paragraph(Sample.Words(40, "s"))
            .Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(1));
        Assert.That(chunks[0].Text, Does.EndWith("\n\nSub\n\n" + Sample.Words(40, "s")));
    }

    [Test]
    public void Chunk_AnyHeading_StartsANewChunkOnceTargetMinIsReached()
    {
        var document = new DocumentBuilder()
            .Heading(1, "Guide").Paragraph(Sample.Words(360, "g"))
            .Heading(2, "Sub").Paragraph(Sample.Words(40, "s"))
            .Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks[1].Text, Is.EqualTo("Sub\n\n" + Sample.Words(40, "s")));
            Assert.That(chunks[1].HeadingPath, Is.EqualTo(new[] { "Guide", "Sub" }));
            Assert.That(chunks[1].Anchor, Is.EqualTo("sub"));
        }
    }

    [Test]
    public void Chunk_FullChunk_ContinuesWithABreadcrumbLine()
    {
        var builder = new DocumentBuilder().Heading(1, "Exporting").Heading(2, "PDF");
        for (var i = 0; i < 5; i++)
        {
            builder.Paragraph(Sample.Words(100, $"p{i}x"));
        }

        var chunks = Chunk(builder.Build());

        Assert.That(chunks, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks[0].Text, Does.StartWith("Exporting\n\nPDF\n\n" + Sample.Words(100, "p0x")));
            Assert.That(chunks[1].Text, Is.EqualTo("Exporting › PDF\n\n" + Sample.Words(100, "p4x")));
            Assert.That(chunks.Select(c => c.TokenCount), Is.EqualTo(new[] { 402, 103 }));
            Assert.That(chunks.Select(c => c.Anchor), Is.EqualTo(new[] { "pdf", "pdf" }));
            Assert.That(chunks[1].HeadingPath, Is.EqualTo(new[] { "Exporting", "PDF" }));
        }
    }

    [Test]
    public void Chunk_TextBeforeTheFirstHeading_HasNoPathAndNoBreadcrumb()
    {
        var document = new DocumentBuilder().Paragraph(Sample.Words(400, "a")).Paragraph(Sample.Words(100, "b")).Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks[1].Text, Is.EqualTo(Sample.Words(100, "b")));
            Assert.That(chunks[1].HeadingPath, Is.Empty);
            Assert.That(chunks[1].Anchor, Is.Null);
        }
    }

    [TestCase(400, 1)]
    [TestCase(600, 2)]
    public void Chunk_ChunkBelowTargetMin_GrowsUpToMaxToKeepABlockWhole(int listTokens, int expectedChunks)
    {
        var list = string.Join('\n', Enumerable.Range(0, listTokens / 2).Select(i => $"- i{i}"));
        var document = new DocumentBuilder().Heading(2, "A").Paragraph(Sample.Words(300)).Block(BlockKind.List, list).Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(expectedChunks));
        Assert.That(chunks[^1].Text, Does.EndWith(list));
    }

    [TestCase(BlockKind.Code)]
    [TestCase(BlockKind.Table)]
    [TestCase(BlockKind.List)]
    public void Chunk_BlockThatDoesNotFitTheFullChunk_MovesWholeToTheNext(BlockKind kind)
    {
        var block = StructuredBlock(kind, 390);
        var document = new DocumentBuilder().Heading(2, "A").Paragraph(Sample.Words(400)).Block(kind, block).Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(2));
        Assert.That(chunks[1].Text, Is.EqualTo("A\n\n" + block));
    }

    [TestCase(BlockKind.Code)]
    [TestCase(BlockKind.Table)]
    [TestCase(BlockKind.List)]
    [TestCase(BlockKind.Paragraph)]
    public void Chunk_BlockUpToMax_IsNotSplit(BlockKind kind)
    {
        var block = kind == BlockKind.Paragraph ? Sample.Sentences(39, 20) : StructuredBlock(kind, 780);

        var chunks = Chunk(new DocumentBuilder().Block(kind, block).Build());

        Assert.That(chunks.Single().Text, Is.EqualTo(block));
    }

    [Test]
    public void Chunk_GiantParagraph_IsSplitBetweenSentences()
    {
        var paragraph = Sample.Sentences(250, 20);

        var chunks = Chunk(new DocumentBuilder().Paragraph(paragraph).Build());

        AssertWithinMax(chunks);
        Assert.That(chunks, Has.Count.GreaterThan(10));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks.Select(c => c.Text), Has.All.EndsWith("."));
            Assert.That(chunks.SelectMany(c => Sample.WordsOf(c.Text)), Is.EqualTo(Sample.WordsOf(paragraph)));
        }
    }

    [Test]
    public void Chunk_GiantParagraphWithoutSentences_IsSplitBetweenWords()
    {
        var paragraph = Sample.Words(3000);

        var chunks = Chunk(new DocumentBuilder().Paragraph(paragraph).Build());

        AssertWithinMax(chunks);
        Assert.That(chunks.SelectMany(c => Sample.WordsOf(c.Text)), Is.EqualTo(Sample.WordsOf(paragraph)));
    }

    [Test]
    public void Chunk_GiantTextWithoutSpaces_IsCutByCharacters()
    {
        var blob = string.Concat(Enumerable.Repeat("abcdefghij", 20_000));

        var chunks = Chunk(new DocumentBuilder().Block(BlockKind.Code, blob).Build());

        AssertWithinMax(chunks);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(string.Concat(chunks.Select(c => c.Text)), Is.EqualTo(blob));
            Assert.That(_counter.LongestRunCounted, Is.LessThanOrEqualTo(4_000), "never counted whole");
        }
    }

    [Test]
    public void Chunk_GiantTable_RepeatsItsHeaderInEveryPiece()
    {
        const string header = "| Name | Value |\n|---|---|\n";
        var rows = Enumerable.Range(0, 1000).Select(i => $"| r{i} | v{i} |").ToList();

        var chunks = Chunk(new DocumentBuilder().Block(BlockKind.Table, header + string.Join('\n', rows)).Build());

        AssertWithinMax(chunks);
        Assert.That(chunks, Has.Count.GreaterThan(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks.Select(c => c.Text), Has.All.StartsWith(header));
            Assert.That(LinesOf(chunks).Where(l => l.StartsWith("| r", StringComparison.Ordinal)), Is.EqualTo(rows));
        }
    }

    [Test]
    public void Chunk_GiantFencedCode_KeepsItsFencesOnEveryPiece()
    {
        var lines = Enumerable.Range(0, 3000).Select(i => $"print({i})").ToList();

        var chunks = Chunk(new DocumentBuilder().Block(BlockKind.Code, "```python\n" + string.Join('\n', lines) + "\n```").Build());

        AssertWithinMax(chunks);
        Assert.That(chunks, Has.Count.GreaterThan(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks.Select(c => c.Text), Has.All.StartsWith("```python\n").And.All.EndsWith("\n```"));
            Assert.That(LinesOf(chunks).Where(l => l.StartsWith("print", StringComparison.Ordinal)), Is.EqualTo(lines));
        }
    }

    [Test]
    public void Chunk_GiantList_IsSplitBetweenItems()
    {
        var items = Enumerable.Range(0, 2000).Select(i => $"- item{i} done").ToList();

        var chunks = Chunk(new DocumentBuilder().Block(BlockKind.List, string.Join('\n', items)).Build());

        AssertWithinMax(chunks);
        Assert.That(chunks, Has.Count.GreaterThan(1));
        Assert.That(LinesOf(chunks), Is.EqualTo(items));
    }

    [Test]
    public void Chunk_Operations_AreChunksOfTheirOwn()
    {
        var list = "GET /users\nList users. " + Sample.Words(8, "l");
        var create = "POST /users\nCreate a user. " + Sample.Words(8, "c");
        var document = new DocumentBuilder()
            .Heading(2, "Users").Paragraph(Sample.Words(20, "a"))
            .Operation(list, "listUsers").Operation(create, "createUser")
            .Paragraph(Sample.Words(20, "b"))
            .Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(4));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks[1].Text, Is.EqualTo(list));
            Assert.That(chunks[2].Text, Is.EqualTo(create));
            Assert.That(chunks.Select(c => c.Anchor), Is.EqualTo(new[] { "users", "listUsers", "createUser", "users" }));
            Assert.That(chunks[3].Text, Is.EqualTo("Users\n\n" + Sample.Words(20, "b")));
        }
    }

    [Test]
    public void Chunk_GiantOperation_RepeatsItsHeaderInEveryPiece()
    {
        const string header = "GET /users/{id}\n";
        var parameters = Enumerable.Range(0, 2000).Select(i => $"Parameter p{i}: string").ToList();
        var operation = header + string.Join('\n', parameters);

        var chunks = Chunk(new DocumentBuilder().Operation(operation, "getUser").Build());

        AssertWithinMax(chunks);
        Assert.That(chunks, Has.Count.GreaterThan(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks.Select(c => c.Text), Has.All.StartsWith(header));
            Assert.That(chunks.Select(c => c.Text.Split(header).Length - 1), Has.All.EqualTo(1));
            Assert.That(chunks.Select(c => c.Anchor), Has.All.EqualTo("getUser"));
            Assert.That(LinesOf(chunks).Where(l => l.StartsWith("Parameter", StringComparison.Ordinal)), Is.EqualTo(parameters));
        }
    }

    [Test]
    public void Chunk_TinyRemainder_JoinsThePreviousChunkOfItsSection()
    {
        var document = new DocumentBuilder().Heading(2, "A").Paragraph(Sample.Words(439, "a")).Paragraph(Sample.Words(30, "b")).Build();

        var chunks = Chunk(document);

        Assert.That(chunks.Single().Text, Is.EqualTo("A\n\n" + Sample.Words(439, "a") + "\n\n" + Sample.Words(30, "b")));
    }

    [Test]
    public void Chunk_RemainderOfFiftyTokens_StaysAChunk()
    {
        var document = new DocumentBuilder().Heading(2, "A").Paragraph(Sample.Words(439, "a")).Paragraph(Sample.Words(50, "b")).Build();

        Assert.That(Chunk(document), Has.Count.EqualTo(2));
    }

    [Test]
    public void Chunk_TinySection_IsNotMergedIntoTheSectionBefore()
    {
        var document = new DocumentBuilder()
            .Heading(2, "A").Paragraph(Sample.Words(439, "a"))
            .Heading(2, "B").Paragraph(Sample.Words(10, "b"))
            .Build();

        var chunks = Chunk(document);

        Assert.That(chunks, Has.Count.EqualTo(2));
        Assert.That(chunks[1].Text, Is.EqualTo("B\n\n" + Sample.Words(10, "b")));
    }

    [Test]
    public void Chunk_HeadingWithoutContent_IsLeftOut()
    {
        var document = new DocumentBuilder()
            .Heading(1, "Guide").Heading(2, "Empty").Heading(2, "Install").Paragraph(Sample.Words(20))
            .Heading(2, "Trailing")
            .Build();

        var chunks = Chunk(document);

        Assert.That(chunks.Single().Text, Is.EqualTo("Guide\n\nInstall\n\n" + Sample.Words(20)));
        Assert.That(chunks[0].HeadingPath, Is.EqualTo(new[] { "Guide", "Install" }));
    }

    [Test]
    public void Chunk_SameDocumentTwice_GivesTheSameChunks()
    {
        var builder = new DocumentBuilder();
        for (var section = 0; section < 20; section++)
        {
            builder.Heading(2, $"Section {section}").Paragraph(Sample.Sentences(section * 5, 12, $"s{section}x"))
                .Block(BlockKind.Code, "```\n" + string.Join('\n', Enumerable.Repeat("x = 1", section * 20)) + "\n```");
        }

        var document = builder.Build();
        var first = new StructureAwareChunker(new FakeTokenCounter()).Chunk(document, Options);
        var second = new StructureAwareChunker(new FakeTokenCounter()).Chunk(document, Options);

        Assert.That(first, Has.Count.GreaterThan(20));
        Assert.That(
            second.Select(c => (c.Text, c.Anchor, c.TokenCount, string.Join('/', c.HeadingPath))),
            Is.EqualTo(first.Select(c => (c.Text, c.Anchor, c.TokenCount, string.Join('/', c.HeadingPath)))));
    }

    [Test]
    public void Chunk_CountsThatAreNotAdditive_StillNeverExceedMax()
    {
        var counter = new BoundaryCostingTokenCounter();
        var options = new ChunkingOptions(TargetMinTokens: 35, TargetMaxTokens: 45, MaxTokens: 80);
        var builder = new DocumentBuilder();
        for (var i = 0; i < 34; i++)
        {
            builder.Paragraph($"u{i}");
        }

        var document = builder.Paragraph(Sample.Words(46)).Build();

        var chunks = new StructureAwareChunker(counter).Chunk(document, options);

        Assert.That(chunks.Select(c => counter.CountTokens(c.Text)), Has.All.LessThanOrEqualTo(80));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks.Select(c => c.TokenCount), Is.EqualTo(chunks.Select(c => counter.CountTokens(c.Text))));
            Assert.That(chunks.SelectMany(c => Sample.WordsOf(c.Text)), Is.EqualTo(document.Blocks.SelectMany(b => Sample.WordsOf(b.Text))));
        }
    }

    [Test]
    public void Chunk_LargeDocument_CountsEachCharacterAboutTwice()
    {
        var builder = new DocumentBuilder();
        for (var section = 0; section < 4000; section++)
        {
            builder.Heading(2, $"Section {section}");
            for (var paragraph = 0; paragraph < 3; paragraph++)
            {
                builder.Paragraph(Sample.Sentences(5, 12, $"x{section}y{paragraph}z"));
            }
        }

        var document = builder.Build();

        var chunks = Chunk(document);

        Assert.That(document.TextLength, Is.GreaterThan(5_000_000));
        Assert.That(chunks, Has.Count.GreaterThan(1000));
        Assert.That(_counter.CharactersCounted, Is.LessThan(3L * document.TextLength));
    }

    private IReadOnlyList<ChunkDraft> Chunk(ParsedDocument document)
    {
        var chunks = new StructureAwareChunker(_counter).Chunk(document, Options);
        Assert.That(chunks.Select(c => c.TokenCount), Is.EqualTo(chunks.Select(c => new FakeTokenCounter().CountTokens(c.Text))), "token counts");
        return chunks;
    }

    private static void AssertWithinMax(IReadOnlyList<ChunkDraft> chunks) =>
        Assert.That(chunks.Select(c => c.TokenCount), Has.All.InRange(1, Options.MaxTokens));

    /// <summary>A code block, table or list of about <paramref name="tokens"/> tokens (as the fake counts).</summary>
    private static string StructuredBlock(BlockKind kind, int tokens) => kind switch
    {
        BlockKind.Code => "```\n" + string.Join('\n', Enumerable.Range(0, tokens / 3).Select(i => $"x{i} = {i}")) + "\n```",
        BlockKind.Table => "| k | v |\n|---|---|\n" + string.Join('\n', Enumerable.Range(0, tokens / 5).Select(i => $"| k{i} | v{i} |")),
        _ => string.Join('\n', Enumerable.Range(0, tokens / 3).Select(i => $"- item {i}")),
    };

    private static IEnumerable<string> LinesOf(IEnumerable<ChunkDraft> chunks) => chunks.SelectMany(c => c.Text.Split('\n'));
}
