using System.Text;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class TextParserTests
{
    [Test]
    public void Parse_SplitsParagraphsOnBlankLines_WithoutHeadingsOrTitle()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Text, "First paragraph\nstill first.\n\n  \n\nSecond paragraph.\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "First paragraph\nstill first.", "Second paragraph." }));
            Assert.That(document.Blocks.Select(b => b.Kind), Is.All.EqualTo(BlockKind.Paragraph));
            Assert.That(document.Blocks.Select(b => b.HeadingPath), Is.All.Empty);
            Assert.That(document.Blocks.Select(b => b.Anchor), Is.All.Null);
            Assert.That(document.Title, Is.Null);
        }
    }

    [Test]
    public void Parse_WindowsLineEndings_AreNormalised()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Text, "one\r\ntwo\r\n\r\nthree");

        Assert.That(document.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "one\ntwo", "three" }));
    }

    [Test]
    public void Parse_Utf8ByteOrderMark_IsNotPartOfTheText()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Text, [0xEF, 0xBB, 0xBF, .. "Hello"u8]);

        Assert.That(document.Blocks.Single().Text, Is.EqualTo("Hello"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Parse_Utf16WithByteOrderMark_IsDecoded(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var content = encoding.GetPreamble().Concat(encoding.GetBytes("Grüße aus Köln\n\nZweiter Absatz")).ToArray();

        var document = DocumentParsing.Parse(DocumentFileType.Text, content);

        Assert.That(document.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "Grüße aus Köln", "Zweiter Absatz" }));
    }

    [Test]
    public void Parse_InvalidUtf8_KeepsTheTextWithReplacementCharacters()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Text, [.. "caf"u8, 0xE9, .. " au lait"u8]);

        Assert.That(document.Blocks.Single().Text, Is.EqualTo("caf\uFFFD au lait"));
    }
}
