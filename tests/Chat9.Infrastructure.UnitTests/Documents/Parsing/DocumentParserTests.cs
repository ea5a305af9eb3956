using System.Text;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Documents.Parsing;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

/// <summary>The rules every format shares: text limit, empty documents, cancellation, and no foreign exception types.</summary>
public sealed class DocumentParserTests
{
    [TestCase(DocumentFileType.Text, "word ")]
    [TestCase(DocumentFileType.Markdown, "word ")]
    [TestCase(DocumentFileType.Html, "<p>word</p>")]
    public void Parse_TextOverTheCharacterLimit_FailsWithTooMuchText(DocumentFileType fileType, string unit)
    {
        var limits = DocumentParsing.DefaultLimits with { MaxDocumentChars = 1_000 };
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit + "\n\n", 300)));

        var failure = DocumentParsing.Failure(fileType, content, limits);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.TooMuchText));
            Assert.That(failure.Message, Does.Contain("1,000 characters"));
        }
    }

    [Test]
    public void Parse_TextExactlyAtTheLimit_IsAccepted()
    {
        var limits = DocumentParsing.DefaultLimits with { MaxDocumentChars = 10 };

        var document = DocumentParsing.Parse(DocumentFileType.Text, Encoding.UTF8.GetBytes("0123456789"), limits);

        Assert.That(document.TextLength, Is.EqualTo(10));
    }

    [TestCase(DocumentFileType.Text, " \n\t\n ")]
    [TestCase(DocumentFileType.Markdown, "---\ntitle: Only front matter\n---\n\n<!-- and a comment -->\n")]
    [TestCase(DocumentFileType.Html, "<html><head><title>Empty</title><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")]
    public void Parse_NoReadableText_FailsWithNoText(DocumentFileType fileType, string content)
    {
        var failure = DocumentParsing.Failure(fileType, content);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.NoText));
            Assert.That(failure.Message, Is.EqualTo("No readable text was found in the file."));
        }
    }

    [Test]
    public void Parse_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(() => new DocumentParser().Parse(DocumentFileType.Text, "Some text"u8.ToArray(), DocumentParsing.DefaultLimits, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Parse_LibraryRejectsTheInput_FailsWithParseFailedNamingTheFormat()
    {
        // Markdig refuses nesting this deep with an ArgumentException, which must not escape as such.
        var failure = DocumentParsing.Failure(DocumentFileType.Markdown, new string('>', 5_000) + " deep");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
            Assert.That(failure.Message, Does.StartWith("The Markdown file could not be read: "));
        }
    }

    [Test]
    public void Parse_WebPage_IsReadLikeHtml()
    {
        var document = DocumentParsing.Parse(DocumentFileType.WebPage, "<html><head><title>Crawled</title></head><body><nav>Menu</nav><p>Page text.</p></body></html>");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Title, Is.EqualTo("Crawled"));
            Assert.That(document.FullText, Is.EqualTo("Page text."));
        }
    }
}
