using System.IO.Compression;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using DocumentFormat.OpenXml.Wordprocessing;
using static Chat9.Infrastructure.UnitTests.Documents.Parsing.DocxFixtures;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class DocxParserTests
{
    private static readonly ParseLimits OneMegabyte = DocumentParsing.DefaultLimits with { MaxUncompressedBytes = 1024 * 1024 };

    [Test]
    public void Parse_Handbook_ReadsHeadingsParagraphsListAndTableInOrder()
    {
        var docx = Create(
        [
            Paragraph("Chat9 Handbook", "Title"),
            Paragraph("Setup", "Heading1"),
            Paragraph("Install the service first."),
            ListItem("Download the release", 0),
            ListItem("Check the signature", 1),
            ListItem("Run the installer", 0),
            Paragraph("Limits", "Heading2"),
            Table(["Limit", "Default"], ["Upload size", "50 MiB"]),
        ]);

        var document = DocumentParsing.Parse(DocumentFileType.Docx, docx);

        Assert.That(document.Blocks.Select(b => (b.Kind, b.Text, b.HeadingLevel)), Is.EqualTo(new[]
        {
            (BlockKind.Heading, "Chat9 Handbook", 1),
            (BlockKind.Heading, "Setup", 1),
            (BlockKind.Paragraph, "Install the service first.", 0),
            (BlockKind.List, "- Download the release\n  - Check the signature\n- Run the installer", 0),
            (BlockKind.Heading, "Limits", 2),
            (BlockKind.Table, "| Limit | Default |\n| Upload size | 50 MiB |", 0),
        }));
    }

    [Test]
    public void Parse_Handbook_GivesSectionsAndTitle()
    {
        var docx = Create([Paragraph("Chat9 Handbook", "Title"), Paragraph("Setup", "Heading1"), Paragraph("Limits", "Heading2"), Paragraph("Text.")]);

        var document = DocumentParsing.Parse(DocumentFileType.Docx, docx);

        var text = document.Blocks.Single(b => b.Text == "Text.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Title, Is.EqualTo("Chat9 Handbook"));
            Assert.That(text.HeadingPath, Is.EqualTo(new[] { "Setup", "Limits" }));
            Assert.That(text.Anchor, Is.EqualTo("limits"));
        }
    }

    [Test]
    public void Parse_LocalisedStyleIdsAndOutlineLevels_AreUnderstood()
    {
        var styles = new Styles(ParagraphStyle("berschrift1", "heading 1"), ParagraphStyle("Aufzhlung", "List Bullet", numbered: true));
        var docx = Create(
        [
            Paragraph("Einleitung", "berschrift1"),
            Paragraph("Erster Punkt", "Aufzhlung"),
            Paragraph("Details", outlineLevel: 1),
        ], styles);

        var document = DocumentParsing.Parse(DocumentFileType.Docx, docx);

        Assert.That(document.Blocks.Select(b => (b.Kind, b.Text, b.HeadingLevel)), Is.EqualTo(new[]
        {
            (BlockKind.Heading, "Einleitung", 1),
            (BlockKind.List, "- Erster Punkt", 0),
            (BlockKind.Heading, "Details", 2),
        }));
    }

    [Test]
    public void Parse_WithoutLevelOneHeading_TakesThePackageTitle()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Docx, Create([Paragraph("Body text.")], packageTitle: "Release notes"));

        Assert.That(document.Title, Is.EqualTo("Release notes"));
    }

    [Test]
    public void Parse_TrackedDeletions_AreNotRead()
    {
        var paragraph = new Paragraph(new Run(new Text("Keys expire after ")), new DeletedRun(new Run(new DeletedText("30"))), new Run(new Text("90 days.")));

        var document = DocumentParsing.Parse(DocumentFileType.Docx, Create([paragraph]));

        Assert.That(document.FullText, Is.EqualTo("Keys expire after 90 days."));
    }

    [Test]
    public void Parse_ArchiveDeclaringMoreThanTheLimit_FailsWithTooLargeUncompressed()
    {
        var bomb = Minimal(new string(' ', 5 * 1024 * 1024), CompressionLevel.SmallestSize);

        var failure = DocumentParsing.Failure(DocumentFileType.Docx, bomb, OneMegabyte);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bomb, Has.Length.LessThan(64 * 1024), "The bomb itself is small.");
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.TooLargeUncompressed));
            Assert.That(failure.Message, Does.Contain("1,048,576 bytes"));
        }
    }

    [Test]
    public void Parse_ArchiveExpandingFarBeyondItsSize_FailsWithTooLargeUncompressed()
    {
        var bomb = Minimal(new string(' ', 2 * 1024 * 1024), CompressionLevel.SmallestSize);

        var failure = DocumentParsing.Failure(DocumentFileType.Docx, bomb);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.TooLargeUncompressed));
            Assert.That(failure.Message, Does.Contain("at most 100 times"));
        }
    }

    [Test]
    public void Parse_ArchiveUnderstatingItsSizes_StopsReadingAtTheLimit()
    {
        // Stored entries are read to their full length whatever size the directory claims.
        var honest = Minimal(new string('x', 2 * 1024 * 1024), CompressionLevel.NoCompression);
        var lying = WithDeclaredSize(honest, "word/document.xml", declaredSize: 1_000);

        var failure = DocumentParsing.Failure(DocumentFileType.Docx, lying, OneMegabyte);

        Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.TooLargeUncompressed));
    }

    [Test]
    public void Parse_MinimalPackageWithinLimits_IsRead()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Docx, Minimal("Small but valid.", CompressionLevel.NoCompression), OneMegabyte);

        Assert.That(document.FullText, Is.EqualTo("Small but valid."));
    }

    [Test]
    public void Parse_PasswordProtectedDocx_FailsWithEncrypted()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Docx, OleFile(withEncryptedPackage: true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.Encrypted));
            Assert.That(failure.Message, Is.EqualTo("The Word document is password-protected."));
        }
    }

    [Test]
    public void Parse_LegacyDocWithDocxExtension_FailsWithParseFailedAndSaysSo()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Docx, OleFile(withEncryptedPackage: false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
            Assert.That(failure.Message, Does.Contain("legacy Word (.doc)"));
        }
    }

    [Test]
    public void Parse_NotAZipPackage_FailsWithParseFailed()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Docx, "PK\u0003\u0004 truncated"u8.ToArray());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
            Assert.That(failure.Message, Does.StartWith("The Word document could not be read: "));
        }
    }

    [Test]
    public void Parse_ZipWithoutWordParts_FailsWithParseFailed()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("notes.txt").Open();
            entry.Write("hello"u8);
        }

        var failure = DocumentParsing.Failure(DocumentFileType.Docx, stream.ToArray());

        Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
    }
}
