using System.Text;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Events;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;
using DomainText = Chat9.Domain.Common.Text;

namespace Chat9.Domain.UnitTests.Documents;

public sealed class DocumentTests
{
    private static readonly Guid BotId = Guid.NewGuid();
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly byte[] Bytes = Encoding.UTF8.GetBytes("# Export\nUse the Export button.");

    private static Document Upload(string filename = "guide.md", byte[]? bytes = null)
    {
        var (document, _) = Document.Upload(BotId, filename, DocumentFileType.Markdown, bytes ?? Bytes, null, Now);
        document.ClearDomainEvents();
        return document;
    }

    private static Document Claimed()
    {
        var document = Upload();
        document.Claim("worker-1", Now, Lease);
        return document;
    }

    private static DocumentChunk Chunk(Document document, int ordinal) =>
        new(document.Id, document.BotId, ordinal, $"Chunk {ordinal}", ["Guide", "Export"], "export", 12, $"hash-{ordinal}");

    // ---- Upload -----------------------------------------------------------------------------------------------

    [Test]
    public void Upload_WhenValid_IsQueuedWithContentAndRaisesDocumentQueued()
    {
        var (document, content) = Document.Upload(BotId, "guide.md", DocumentFileType.Markdown, Bytes, "https://docs.acme.test/guide", Now);

        var queued = DomainAssert.Raised<DocumentQueued>(document);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Status, Is.EqualTo(DocumentStatus.Queued));
            Assert.That(document.Filename, Is.EqualTo("guide.md"));
            Assert.That(document.FileType, Is.EqualTo(DocumentFileType.Markdown));
            Assert.That(document.SizeBytes, Is.EqualTo(Bytes.Length));
            Assert.That(document.SourceUrl, Is.EqualTo("https://docs.acme.test/guide"));
            Assert.That(document.ProcessingAttempts, Is.Zero);
            Assert.That(content.DocumentId, Is.EqualTo(document.Id));
            Assert.That(content.Bytes, Is.EqualTo(Bytes));
            Assert.That(queued.DocumentId, Is.EqualTo(document.Id));
            Assert.That(queued.BotId, Is.EqualTo(BotId));
        }
    }

    [TestCase("../../etc/passwd.md", "passwd.md")]
    [TestCase(@"C:\Users\ana\guide.pdf", "guide.pdf")]
    [TestCase("docs/sub\\mixed.txt", "mixed.txt")]
    [TestCase("  spaced name.md  ", "spaced name.md")]
    [TestCase("re\u0000po\u001Frt\u007F.md", "report.md")]
    [TestCase("line\r\nbreak.md", "linebreak.md")]
    public void Upload_WhenNameHasPathOrControlCharacters_KeepsCleanLastSegment(string filename, string expected) =>
        Assert.That(Upload(filename).Filename, Is.EqualTo(expected));

    [Test]
    public void Upload_WhenNameIsLongerThan255Characters_TruncatesTheStemTo255AndKeepsTheExtension()
    {
        var filename = new string('a', 300) + ".md";

        Assert.That(Upload(filename).Filename, Is.EqualTo(new string('a', 252) + ".md"), "the extension decides the file type");
    }

    [Test]
    public void Upload_WhenNameHasManyMultiCodePointGraphemes_KeepsAtMost255Characters()
    {
        // limits are counted in code points (spec README "Characters"); 👍🏽 is one grapheme but two code points.
        var filename = string.Concat(Enumerable.Repeat("👍🏽", 300)) + ".md";

        var stored = Upload(filename).Filename;

        Assert.That(DomainText.CountChars(stored), Is.LessThanOrEqualTo(Document.FilenameMaxChars),
            $"stored filename has {DomainText.CountChars(stored)} code points / {stored.Length} UTF-16 units");
    }

    [TestCase("")]
    [TestCase(null)]
    [TestCase("docs/")]
    [TestCase("..")]
    [TestCase(".")]
    [TestCase("\u0001\u0002")]
    public void Upload_WhenNoUsableName_ThrowsValidationForFile(string? filename) =>
        DomainAssert.ThrowsValidation("file",
            () => Document.Upload(BotId, filename!, DocumentFileType.Markdown, Bytes, null, Now));

    [Test]
    public void Upload_WhenBytesAreEmpty_ThrowsEmptyFile() =>
        DomainAssert.ThrowsCode("empty_file", () => Document.Upload(BotId, "a.md", DocumentFileType.Markdown, [], null, Now));

    [Test]
    public void Upload_WhenSourceUrlIsNotHttp_ThrowsValidationForSourceUrl() =>
        DomainAssert.ThrowsValidation("source_url",
            () => Document.Upload(BotId, "a.md", DocumentFileType.Markdown, Bytes, "file:///etc/passwd", Now));

    [Test]
    public void Upload_WhenBotIdIsEmpty_Throws() =>
        DomainAssert.ThrowsValidation("bot_id", () => Document.Upload(Guid.Empty, "a.md", DocumentFileType.Markdown, Bytes, null, Now));

    [Test]
    public void Upload_WhenGivenBytes_StoresLowercaseHexSha256()
    {
        var document = Upload(bytes: Encoding.ASCII.GetBytes("abc"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.ContentSha256, Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
            Assert.That(document.ContentSha256, Does.Match("^[0-9a-f]{64}$"));
        }
    }

    // ---- Claim / lease ----------------------------------------------------------------------------------------

    [Test]
    public void Claim_WhenQueued_StartsProcessingUnderLease()
    {
        var document = Upload();

        document.Claim("worker-1", Now, Lease);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Status, Is.EqualTo(DocumentStatus.Processing));
            Assert.That(document.LeaseOwner, Is.EqualTo("worker-1"));
            Assert.That(document.LeaseExpiresAt, Is.EqualTo(Now + Lease));
            Assert.That(document.ProcessingAttempts, Is.EqualTo(1));
        }
    }

    [Test]
    public void IsClaimable_WhileLeaseIsValid_IsFalseAndAfterExpiryIsTrue()
    {
        var document = Claimed();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.IsClaimable(Now), Is.False);
            Assert.That(document.IsClaimable(Now + Lease - TimeSpan.FromSeconds(1)), Is.False);
            Assert.That(document.IsClaimable(Now + Lease), Is.True);
            Assert.That(document.IsClaimable(Now + Lease + TimeSpan.FromMinutes(1)), Is.True);
        }
    }

    [Test]
    public void Claim_WhileLeaseIsValid_ThrowsDocumentNotClaimable()
    {
        var document = Claimed();

        DomainAssert.ThrowsCode("document_not_claimable", () => document.Claim("worker-2", Now.AddMinutes(1), Lease));
        Assert.That(document.LeaseOwner, Is.EqualTo("worker-1"));
    }

    [Test]
    public void Claim_AfterLeaseExpired_TakesOverAndCountsAnotherAttempt()
    {
        var document = Claimed();
        var later = Now + Lease + TimeSpan.FromMinutes(1);

        document.Claim("worker-2", later, Lease);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.LeaseOwner, Is.EqualTo("worker-2"));
            Assert.That(document.LeaseExpiresAt, Is.EqualTo(later + Lease));
            Assert.That(document.ProcessingAttempts, Is.EqualTo(2));
        }
    }

    [Test]
    public void Claim_WhenWorkerIsBlank_Throws() =>
        DomainAssert.ThrowsValidation("worker", () => Upload().Claim(" ", Now, Lease));

    [TestCase(DocumentStatus.Ready)]
    [TestCase(DocumentStatus.Error)]
    public void IsClaimable_WhenFinished_IsFalse(DocumentStatus status)
    {
        var document = Claimed();
        if (status == DocumentStatus.Ready)
        {
            document.CompleteProcessing([Chunk(document, 0)], 100, "en", Now);
        }
        else
        {
            document.FailProcessing("parse_failed", "Could not parse.", Now);
        }

        Assert.That(document.IsClaimable(Now.AddYears(1)), Is.False);
    }

    // ---- Complete / fail --------------------------------------------------------------------------------------

    [Test]
    public void CompleteProcessing_WhenProcessing_IsReadyWithChunksAndReleasesLease()
    {
        var document = Claimed();
        var chunks = new[] { Chunk(document, 0), Chunk(document, 1), Chunk(document, 2) };

        document.CompleteProcessing(chunks, 1234, "en", Now.AddMinutes(1));

        var ready = DomainAssert.Raised<DocumentReady>(document);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Status, Is.EqualTo(DocumentStatus.Ready));
            Assert.That(document.ChunkCount, Is.EqualTo(3));
            Assert.That(document.Chunks, Is.EquivalentTo(chunks));
            Assert.That(document.ParsedTextLength, Is.EqualTo(1234));
            Assert.That(document.LeaseOwner, Is.Null);
            Assert.That(document.LeaseExpiresAt, Is.Null);
            Assert.That(document.UpdatedAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(ready.ChunkCount, Is.EqualTo(3));
            Assert.That(ready.DocumentId, Is.EqualTo(document.Id));
        }
    }

    [Test]
    public void CompleteProcessing_AfterEarlierFailure_ClearsError()
    {
        var document = Claimed();
        document.FailProcessing("parse_failed", "Could not parse.", Now);
        document.RequestReindex(Now);
        document.Claim("worker-1", Now, Lease);

        document.CompleteProcessing([Chunk(document, 0)], 10, "en", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.ErrorCode, Is.Null);
            Assert.That(document.ErrorMessage, Is.Null);
        }
    }

    [Test]
    public void CompleteProcessing_WhenReprocessed_ReplacesOldChunks()
    {
        var document = Claimed();
        document.CompleteProcessing([Chunk(document, 0), Chunk(document, 1)], 10, "en", Now);
        document.RequestReindex(Now);
        document.Claim("worker-1", Now, Lease);
        var fresh = Chunk(document, 0);

        document.CompleteProcessing([fresh], 5, "en", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Chunks, Is.EqualTo(new[] { fresh }));
            Assert.That(document.ChunkCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void CompleteProcessing_WhenChunkBelongsToAnotherDocument_Throws()
    {
        var document = Claimed();
        var foreign = new DocumentChunk(Guid.NewGuid(), BotId, 0, "text", [], null, 1, "hash");

        DomainAssert.ThrowsValidation("chunks", () => document.CompleteProcessing([foreign], 4, "en", Now));
        Assert.That(document.Status, Is.EqualTo(DocumentStatus.Processing));
    }

    [Test]
    public void CompleteProcessing_WhenNotProcessing_ThrowsDocumentNotProcessing() =>
        DomainAssert.ThrowsCode("document_not_processing", () => Upload().CompleteProcessing([], 0, "en", Now));

    [Test]
    public void FailProcessing_WhenProcessing_IsErrorWithCodeAndMessage()
    {
        var document = Claimed();

        document.FailProcessing("encrypted", "The PDF is password-protected.", Now.AddMinutes(1));

        var failed = DomainAssert.Raised<DocumentFailed>(document);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Status, Is.EqualTo(DocumentStatus.Error));
            Assert.That(document.ErrorCode, Is.EqualTo("encrypted"));
            Assert.That(document.ErrorMessage, Is.EqualTo("The PDF is password-protected."));
            Assert.That(document.LeaseOwner, Is.Null);
            Assert.That(document.LeaseExpiresAt, Is.Null);
            Assert.That(failed.ErrorCode, Is.EqualTo("encrypted"));
        }
    }

    [Test]
    public void FailProcessing_WhenNotProcessing_ThrowsDocumentNotProcessing() =>
        DomainAssert.ThrowsCode("document_not_processing", () => Upload().FailProcessing("parse_failed", "x", Now));

    // ---- Reindex / health -------------------------------------------------------------------------------------

    [Test]
    public void RequestReindex_WhenQueued_IsNoOp()
    {
        var document = Upload();

        document.RequestReindex(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Status, Is.EqualTo(DocumentStatus.Queued));
            Assert.That(document.UpdatedAt, Is.EqualTo(Now));
            Assert.That(document.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void RequestReindex_WhenProcessing_IsNoOp()
    {
        var document = Claimed();

        document.RequestReindex(Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Status, Is.EqualTo(DocumentStatus.Processing));
            Assert.That(document.LeaseOwner, Is.EqualTo("worker-1"));
            Assert.That(document.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void RequestReindex_WhenReady_QueuesAgainAndKeepsChunksServing()
    {
        var document = Claimed();
        document.CompleteProcessing([Chunk(document, 0)], 10, "en", Now);
        document.ClearDomainEvents();

        document.RequestReindex(Now.AddDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Status, Is.EqualTo(DocumentStatus.Queued));
            Assert.That(document.UpdatedAt, Is.EqualTo(Now.AddDays(1)));
            Assert.That(document.Chunks, Has.Count.EqualTo(1));
            Assert.That(document.IsClaimable(Now.AddDays(1)), Is.True);
            DomainAssert.Raised<DocumentQueued>(document);
        }
    }

    [Test]
    public void RequestReindex_WhenError_QueuesAgain()
    {
        var document = Claimed();
        document.FailProcessing("parse_failed", "x", Now);

        document.RequestReindex(Now.AddDays(1));

        Assert.That(document.Status, Is.EqualTo(DocumentStatus.Queued));
    }

    [TestCase(0)]
    [TestCase(73)]
    [TestCase(100)]
    public void RecordHealth_WhenScoreWithinZeroToHundred_StoresScore(int score)
    {
        var document = Upload();

        var warnings = new[] { new HealthWarning("too_short", HealthSeverity.Medium, "Short.") };
        document.RecordHealth(new HealthReport(score, warnings), Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.HealthScore, Is.EqualTo(score));
            Assert.That(document.HealthCheckedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(document.HealthWarnings.Single().Code, Is.EqualTo("too_short"));
        }
    }

    [TestCase(101)]
    [TestCase(-1)]
    public void RecordHealth_WhenScoreOutsideZeroToHundred_Throws(int score)
    {
        var document = Upload();

        DomainAssert.ThrowsValidation("score", () => document.RecordHealth(new HealthReport(score, []), Now));
        Assert.That(document.HealthScore, Is.Null);
    }

    [Test]
    public void MarkRemoved_WhenCalled_RaisesDocumentRemoved() =>
        Assert.That(DomainAssert.Raised<DocumentRemoved>(MarkRemoved()).BotId, Is.EqualTo(BotId));

    private static Document MarkRemoved()
    {
        var document = Upload();
        document.MarkRemoved();
        return document;
    }

    [Test]
    public void RenewLease_ByTheHolder_ExtendsTheLease()
    {
        var document = Claimed();

        document.RenewLease("worker-1", Now.AddMinutes(3), Lease);

        Assert.That(document.LeaseExpiresAt, Is.EqualTo(Now.AddMinutes(3) + Lease));
    }

    [Test]
    public void RenewLease_ByAnotherWorker_ThrowsLeaseLost()
    {
        var document = Claimed();

        DomainAssert.ThrowsCode("lease_lost", () => document.RenewLease("worker-2", Now, Lease));
    }

    [Test]
    public void FailProcessing_AfterEarlierSuccess_RemovesChunksFromSearch()
    {
        var document = Claimed();
        document.CompleteProcessing([Chunk(document, 0)], 10, "de", Now);
        document.RequestReindex(Now);
        document.Claim("worker-1", Now, Lease);

        document.FailProcessing("parse_failed", "Broken.", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Chunks, Is.Empty);
            Assert.That(document.ChunkCount, Is.Zero);
        }
    }

    [Test]
    public void CompleteProcessing_RecordsTheDetectedLanguage()
    {
        var document = Claimed();

        document.CompleteProcessing([Chunk(document, 0)], 10, "de", Now);

        Assert.That(document.Language, Is.EqualTo("de"));
    }
}
