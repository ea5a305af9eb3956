using Chat9.Application.Common.Interfaces;
using Chat9.Infrastructure.Search;

namespace Chat9.Infrastructure.UnitTests.Search;

public sealed class Bm25IndexTests
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private static readonly TextAnalyzer Analyzer = new();

    [Test]
    public void Search_ParaphrasedQuery_RanksTheRelevantChunkFirst()
    {
        var relevant = Chunk("Use Settings → Export and choose PDF to download your notes");
        var index = Build(
            Chunk("Invite teammates from the Members page and give each of them a role"),
            Chunk("Notes sync across all your devices while you are signed in"),
            relevant,
            Chunk("Download invoices as PDF from the Billing page"),
            Chunk("Export your contacts as a CSV file from the Contacts page"));

        var matches = index.Search("How can I export notes to PDF?", 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(matches[0].ChunkId, Is.EqualTo(relevant.ChunkId));
            Assert.That(matches[0].DocumentId, Is.EqualTo(relevant.DocumentId));
            Assert.That(matches[0].QueryCoverage, Is.EqualTo(1.0));
        }
    }

    [Test]
    public void Search_RareTermOutweighsAFrequentCommonTerm()
    {
        var repetitive = Chunk("account account account billing");
        var rare = Chunk("webhook delivery retries");
        var common = new[] { "overview", "security", "deletion", "owner", "language", "timezone", "avatar", "email", "password" }
            .Select(topic => Chunk($"account {topic}"));
        var index = Build([.. common, repetitive, rare]);

        var matches = index.Search("account webhook", 20);

        Assert.That(Rank(matches, rare), Is.LessThan(Rank(matches, repetitive)));
    }

    [Test]
    public void Search_ShorterChunkWithTheSameTermFrequency_RanksHigher()
    {
        // The long chunk has the smaller id, so it would win a tie: only length normalization can put the short one first.
        var longChunk = new IndexedChunk(Id(1), Id(100), "The invoice lists every seat, add-on, discount, tax line, credit note and payment method", "en");
        var shortChunk = new IndexedChunk(Id(2), Id(100), "Download the invoice", "en");
        var index = Build(longChunk, shortChunk, Chunk("Change the plan"), Chunk("Cancel the subscription"));

        var matches = index.Search("invoice", 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(matches.Select(match => match.ChunkId), Is.EqualTo(new[] { shortChunk.ChunkId, longChunk.ChunkId }));
            Assert.That(matches[0].Score, Is.GreaterThan(matches[1].Score));
        }
    }

    [Test]
    public void Search_MoreOccurrencesAtEqualLength_RankHigher()
    {
        // The chunk with one occurrence has the smaller id, so it would win a tie.
        var once = new IndexedChunk(Id(1), Id(100), "export notes pdf", "en");
        var twice = new IndexedChunk(Id(2), Id(100), "export notes export", "en");
        var index = Build(once, twice, Chunk("import contacts csv"));

        var matches = index.Search("export", 10);

        Assert.That(matches.Select(match => match.ChunkId), Is.EqualTo(new[] { twice.ChunkId, once.ChunkId }));
    }

    [Test]
    public void Search_ScoresWithBm25()
    {
        var index = Build(Chunk("alpha alpha beta"), Chunk("gamma delta"));
        var averageLength = (3 + 2) / 2.0;
        var expected = Idf(documentCount: 2, documentFrequency: 1) * (2 * (K1 + 1)) / (2 + (K1 * (1 - B + (B * 3 / averageLength))));

        var matches = index.Search("alpha", 10);

        Assert.That(matches.Single().Score, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Search_QueryCoverage_IsTheIdfWeightedShareOfQueryTermsInTheChunk()
    {
        var both = Chunk("export pdf");
        var exportOnly = Chunk("export csv");
        var index = Build(both, exportOnly, Chunk("import csv"));
        var exportIdf = Idf(documentCount: 3, documentFrequency: 2);
        var pdfIdf = Idf(documentCount: 3, documentFrequency: 1);

        var matches = index.Search("export pdf", 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Match(matches, both).QueryCoverage, Is.EqualTo(1.0));
            Assert.That(Match(matches, exportOnly).QueryCoverage, Is.EqualTo(exportIdf / (exportIdf + pdfIdf)).Within(1e-12));
            Assert.That(Match(matches, exportOnly).QueryCoverage, Is.GreaterThan(0).And.LessThan(1));
        }
    }

    [Test]
    public void Search_QueryCoverage_CountsTermsMissingFromTheWholeIndex()
    {
        var index = Build(Chunk("export pdf"), Chunk("import csv"));
        var exportIdf = Idf(documentCount: 2, documentFrequency: 1);
        var unicornIdf = Idf(documentCount: 2, documentFrequency: 0);

        var match = index.Search("export unicorn", 10).Single();

        Assert.That(match.QueryCoverage, Is.EqualTo(exportIdf / (exportIdf + unicornIdf)).Within(1e-12));
    }

    [Test]
    public void Search_RepeatedQueryTerms_CountOnce()
    {
        var index = Build(Chunk("export pdf"), Chunk("export csv"), Chunk("import csv"));

        Assert.That(index.Search("export export EXPORT pdf exported", 10), Is.EqualTo(index.Search("export pdf", 10)));
    }

    [Test]
    public void Search_ReturnsOnlyChunksOfThisIndex()
    {
        var indexed = new[] { Chunk("Reset your password from the sign-in page"), Chunk("Password rules: twelve characters at least") };
        var index = Build(indexed);
        var otherBotsIndex = Build(Chunk("Reset your password from the sign-in page"));

        var matches = index.Search("reset password", 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(matches.Select(match => match.ChunkId), Is.EquivalentTo(indexed.Select(chunk => chunk.ChunkId)));
            Assert.That(otherBotsIndex.ChunkCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void Search_GermanQueryWithAnotherInflection_FindsTheGermanChunk()
    {
        var germanInvoices = Chunk("Die Rechnungen können Sie unter Einstellungen → Abrechnung herunterladen.", "de");
        var index = Build(
            Chunk("You can download invoices from Settings → Billing.", "en"),
            Chunk("Benachrichtigungen lassen sich im Profil abschalten.", "de"),
            germanInvoices);

        var matches = index.Search("Wo finde ich meine Rechnung?", 10);

        Assert.That(matches.Select(match => match.ChunkId), Is.EqualTo(new[] { germanInvoices.ChunkId }));
    }

    [TestCase("Le café crème est servi chaud", "fr", "cafe creme")]
    [TestCase("Le cafe creme est servi chaud", "fr", "café crème")]
    [TestCase("Upload your résumé as PDF", "en", "resume")]
    [TestCase("Upload your resume as PDF", "en", "RÉSUMÉ")]
    public void Search_IgnoresDiacritics(string text, string language, string query)
    {
        var chunk = Chunk(text, language);
        var index = Build(chunk, Chunk("Something else entirely", language));

        Assert.That(index.Search(query, 10).Select(match => match.ChunkId), Is.EqualTo(new[] { chunk.ChunkId }));
    }

    [Test]
    public void Search_MergesLanguagesIntoOneRanking()
    {
        var english = Chunk("Export the report as PDF", "en");
        var german = Chunk("Exportieren Sie den Bericht als PDF", "de");
        var index = Build(english, german, Chunk("Benachrichtigungen abschalten", "de"));

        var matches = index.Search("PDF", 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(matches.Select(match => match.ChunkId), Is.EquivalentTo(new[] { english.ChunkId, german.ChunkId }));
            Assert.That(matches.Select(match => match.Rank), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(matches[0].Score, Is.GreaterThanOrEqualTo(matches[1].Score));
        }
    }

    [Test]
    public void Search_ChunkWithoutLanguage_IsAnalyzedWithEnglishRules()
    {
        var chunk = Chunk("Exported invoices", language: null);
        var index = Build(chunk);

        Assert.That(index.Search("export invoice", 10).Single().QueryCoverage, Is.EqualTo(1.0));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("?!…")]
    [TestCase("what is it and how do they do that?")]
    public void Search_QueryWithoutContentTerms_ReturnsNothing(string query)
    {
        var index = Build(Chunk("What is it and how do they do that? They export it."));

        Assert.That(index.Search(query, 10), Is.Empty);
    }

    [Test]
    public void Search_ReturnsAtMostLimitMatches_TheBestOnes()
    {
        var index = Build(Enumerable.Range(1, 10).Select(i => Chunk($"export {string.Join(' ', Enumerable.Repeat("filler", i))}")).ToArray());

        var top3 = index.Search("export", 3);
        var top10 = index.Search("export", 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(top3, Is.EqualTo(top10.Take(3)));
            Assert.That(top3.Select(match => match.Rank), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(index.Search("export", 0), Is.Empty);
        }
    }

    [Test]
    public void Search_NegativeLimit_Throws()
    {
        var index = Build(Chunk("export"));

        Assert.That(() => index.Search("export", -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Search_EqualScores_AreOrderedByChunkIdWhateverTheBuildOrder()
    {
        var chunks = new[] { 3, 1, 4, 2 }.Select(n => new IndexedChunk(Id(n), Id(100), "Export notes", "en")).ToArray();

        var forward = Build(chunks).Search("export", 10);
        var backward = Build(chunks.Reverse().ToArray()).Search("export", 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forward.Select(match => match.ChunkId), Is.EqualTo(new[] { Id(1), Id(2), Id(3), Id(4) }));
            Assert.That(forward.Select(match => match.Rank), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(backward, Is.EqualTo(forward));
        }
    }

    [Test]
    public void Search_FromManyThreads_GivesTheSameResults()
    {
        var index = Build(Enumerable.Range(0, 300).Select(i => Chunk($"Chunk {i} explains export number {i % 7} and invoice {i % 11}")).ToArray());
        var queries = Enumerable.Range(0, 50).Select(i => $"export {i % 7} invoice {i % 11}").ToArray();
        var expected = queries.Select(query => index.Search(query, 5)).ToArray();
        var actual = new IReadOnlyList<LexicalMatch>[queries.Length];

        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = index.Search(queries[i], 5));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Build_DuplicateChunkId_Throws()
    {
        var chunk = Chunk("export");

        Assert.That(() => Build(chunk, chunk with { Text = "import" }), Throws.ArgumentException);
    }

    [Test]
    public void ChunkCount_CountsEveryLanguage()
    {
        var index = Build(Chunk("export", "en"), Chunk("Rechnung", "de"), Chunk("factura", "es"), Chunk("the", "en"));

        Assert.That(index.ChunkCount, Is.EqualTo(4));
    }

    [Test]
    public void EstimatedBytes_GrowsWithTheIndexedText()
    {
        var small = Build(Chunk("export notes"));
        var large = Build(Enumerable.Range(0, 100).Select(i => Chunk($"export notes {i} as PDF, CSV or Markdown file{i}")).ToArray());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(small.EstimatedBytes, Is.Positive);
            Assert.That(large.EstimatedBytes, Is.GreaterThan(small.EstimatedBytes * 50));
        }
    }

    private static Bm25Index Build(params IndexedChunk[] chunks) => Bm25Index.Build(chunks, Analyzer);

    private static IndexedChunk Chunk(string text, string? language = "en") => new(Guid.NewGuid(), Guid.NewGuid(), text, language);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static double Idf(int documentCount, int documentFrequency) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private static LexicalMatch Match(IReadOnlyList<LexicalMatch> matches, IndexedChunk chunk) => matches.Single(match => match.ChunkId == chunk.ChunkId);

    private static int Rank(IReadOnlyList<LexicalMatch> matches, IndexedChunk chunk) => Match(matches, chunk).Rank;
}
