using System.Text;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class PdfParserTests
{
    [Test]
    public void Parse_TwoPagePdf_ReturnsTheSentencesOfBothPagesInOrder()
    {
        var pdf = BuildPdf("Chat9 User Manual",
            ["Chat9 answers customer questions.", "It cites the documents it used.", null, "Answers stream token by token."],
            ["Uploads are parsed in the background."]);

        var document = DocumentParsing.Parse(DocumentFileType.Pdf, pdf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Blocks.Select(b => b.Text), Is.EqualTo(new[]
            {
                "Chat9 answers customer questions. It cites the documents it used.",
                "Answers stream token by token.",
                "Uploads are parsed in the background.",
            }));
            Assert.That(document.Blocks.Select(b => b.Kind), Is.All.EqualTo(BlockKind.Paragraph));
            Assert.That(document.Title, Is.EqualTo("Chat9 User Manual"));
        }
    }

    [Test]
    public void Parse_CorruptPdf_FailsWithParseFailed()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Pdf, "%PDF-1.7\n garbage"u8.ToArray());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
            Assert.That(failure.Message, Does.StartWith("The PDF file could not be read: "));
        }
    }

    [Test]
    public void Parse_PasswordProtectedPdf_FailsWithEncrypted()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Pdf, PasswordProtectedPdf());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.Encrypted));
            Assert.That(failure.Message, Is.EqualTo("The PDF is password-protected."));
        }
    }

    [Test]
    public void Parse_PdfWithoutText_FailsWithNoTextMentioningOcr()
    {
        var blankPage = Array.Empty<string?>();

        var failure = DocumentParsing.Failure(DocumentFileType.Pdf, BuildPdf(title: null, blankPage));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.NoText));
            Assert.That(failure.Message, Does.Contain("Scanned pages").And.Contain("OCR"));
        }
    }

    [Test]
    public void Parse_PdfWithoutPages_FailsWithParseFailed()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Pdf, BuildPdf(title: null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
            Assert.That(failure.Message, Is.EqualTo("The PDF file has no pages."));
        }
    }

    /// <summary>One page per array; each string is a line, null leaves a gap that starts a new paragraph.</summary>
    private static byte[] BuildPdf(string? title, params string?[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 760.0;
            foreach (var line in lines)
            {
                if (line is not null)
                {
                    page.AddText(line, 12, new PdfPoint(50, y), font);
                }

                y -= line is null ? 40 : 16;
            }
        }

        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        return builder.Build();
    }

    /// <summary>A minimal PDF with a standard security handler whose keys match no password, not even the empty one.</summary>
    private static byte[] PasswordProtectedPdf()
    {
        var key = new string('A', 64);
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{key}> /U <{key}> /P -4 >>",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        offsets.ForEach(offset => pdf.Append($"{offset:D10} 00000 n \n"));
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{key}> <{key}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
