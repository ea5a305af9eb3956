using Chat9.Application.Chat.Pipeline.Answering;
using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.UnitTests.Chat.Pipeline.Answering;

public sealed class ExtractiveAnswererTests
{
    private static readonly ExtractiveAnswerer Answerer = new(new WordTerms());

    [Test]
    public void QuotesTheBestSentence_Verbatim_UnderItsHeading_AfterTheLeadIn()
    {
        var retrieval = Retrieval(
            Chunk(["Security", "Passwords"], "Passwords\n\nChoose a long password. The reset link is valid for 1 hour. Old links stop working."),
            Chunk(["Billing"], "Invoices arrive by e-mail every month."));

        var answer = Answerer.Compose("How long is the reset link valid?", "en", retrieval, "Here is what the documentation says:");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Pieces[0], Is.EqualTo("Here is what the documentation says:"));
            Assert.That(answer.Text, Does.Contain("**Security › Passwords**\nThe reset link is valid for 1 hour."));
            Assert.That(answer.Text, Does.Not.Contain("Invoices"));
            Assert.That(answer.Text, Does.Not.Contain("\nPasswords\n"), "heading lines are not quoted as sentences");
            Assert.That(answer.DocumentIds, Is.EqualTo(new[] { retrieval.Chunks[0].Chunk.DocumentId }));
            Assert.That(string.Concat(answer.Pieces), Is.EqualTo(answer.Text));
        }
    }

    [Test]
    public void AQuantityQuestion_PrefersTheSentenceWithTheNumber()
    {
        var retrieval = Retrieval(Chunk(["Export"], "1. Open the export screen and choose the export format for your notes.\n2. Exports hold up to 500 notes."));

        var answer = Answerer.Compose("How many notes can one export hold?", "en", retrieval, "Lead:");

        Assert.That(answer.Text, Does.Contain("Exports hold up to 500 notes."));
    }

    [Test]
    public void TableRows_AreQuotedWithTheirColumnNames()
    {
        var retrieval = Retrieval(Chunk(["Plans"], "Plans\n\n|  | Free | Plus |\n| Price | $0 | $6 / month |\n| Storage | 500 MB | 20 GB |"));

        var answer = Answerer.Compose("What is the price of Plus?", "en", retrieval, "Lead:");

        Assert.That(answer.Text, Does.Contain("- Price: Free $0, Plus $6 / month"));
    }

    [Test]
    public void CodeBlocks_AreNeverQuoted()
    {
        var retrieval = Retrieval(Chunk(["API"], "Call the export endpoint.\n```bash\ncurl export notes endpoint token\n```"));

        var answer = Answerer.Compose("export endpoint token", "en", retrieval, "Lead:");

        Assert.That(answer.Text, Does.Not.Contain("curl"));
    }

    [Test]
    public void NothingInCommon_GivesNoAnswer()
    {
        var answer = Answerer.Compose("weather on mars", "en", Retrieval(Chunk(["Export"], "Exports hold up to 500 notes.")), "Lead:");

        Assert.That(answer.IsEmpty, Is.True);
    }

    [Test]
    public void QuotesStayWithinTheLimit()
    {
        var longSentence = string.Join(' ', Enumerable.Repeat("export notes", 200)) + ".";
        var answer = Answerer.Compose("export notes", "en", Retrieval(Chunk(["Export"], longSentence)), "Lead:");

        Assert.That(answer.Text.Length, Is.LessThan(ExtractiveAnswerer.MaxQuotedChars + 50));
        Assert.That(answer.Text, Does.EndWith("…"));
    }

    private static RetrievalResult Retrieval(params RetrievedChunk[] chunks) =>
        new(RetrievalMode.Lexical, "q", 0.9, 0.35, chunks, 1000, null, new RetrievalTimings(0, 0, null, 0));

    private static RetrievedChunk Chunk(string[] headings, string text)
    {
        var details = new ChunkDetails(Guid.NewGuid(), Guid.NewGuid(), 0, "doc.md", null, headings, null, text, 100);
        return new RetrievedChunk(1, details, 1, 1, null, null, 0.01, InContext: true, 1);
    }

    /// <summary>Lower-cased words minus a few stop words: enough to score sentences like retrieval does.</summary>
    private sealed class WordTerms : ITextTerms
    {
        private static readonly HashSet<string> Stop = ["the", "is", "a", "how", "can", "one", "what", "of", "for", "your", "up", "to", "and", "on"];

        public IReadOnlyList<string> Analyze(string text, string? language) =>
            [.. System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), @"\w+").Select(m => m.Value.TrimEnd('s')).Where(w => !Stop.Contains(w))];
    }
}
