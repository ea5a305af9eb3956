using System.IO.Compression;
using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Documents.Parsing;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class FileTypeDetectorTests
{
    private const string OpenApiHint = "Only OpenAPI 3.x or Swagger 2.0 documents are accepted as JSON or YAML.";

    private readonly FileTypeDetector _detector = new();

    [TestCase("manual.pdf")]
    [TestCase("MANUAL.PDF")]
    [TestCase("scans/2024/manual.Pdf")]
    public void Detect_PdfHeader_IsPdfWhateverTheCaseOfTheExtension(string filename)
    {
        Assert.That(Detect(filename, "%PDF-1.7\n%âãÏÓ\n"), Is.EqualTo(FileTypeDetection.Supported(DocumentFileType.Pdf)));
    }

    [Test]
    public void Detect_PdfHeaderAfterUpTo1024JunkBytes_IsPdf()
    {
        var content = new byte[1024].Concat("%PDF-1.4\n"u8.ToArray()).ToArray();

        Assert.That(_detector.Detect("manual.pdf", content).FileType, Is.EqualTo(DocumentFileType.Pdf));
    }

    [Test]
    public void Detect_PdfHeaderAfterMoreThan1024Bytes_IsRefused()
    {
        var content = new byte[1025].Concat("%PDF-1.4\n"u8.ToArray()).ToArray();

        Assert.That(_detector.Detect("manual.pdf", content).FileType, Is.Null);
    }

    [Test]
    public void Detect_ExecutableNamedPdf_IsRefusedAsContradictingItsExtension()
    {
        var detection = Detect("invoice.pdf", "MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode.");

        Assert.That(detection, Is.EqualTo(FileTypeDetection.Unsupported("The file's content does not match its .pdf extension.")));
    }

    [Test]
    public void Detect_WordPackage_IsDocx()
    {
        var docx = DocxFixtures.Create([DocxFixtures.Paragraph("Hello")]);

        Assert.That(_detector.Detect("guide.docx", docx), Is.EqualTo(FileTypeDetection.Supported(DocumentFileType.Docx)));
    }

    [Test]
    public void Detect_ZipWithoutWordParts_IsNotAValidDocx()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("[Content_Types].xml").Open();
            entry.Write("<Types/>"u8);
        }

        Assert.That(_detector.Detect("guide.docx", stream.ToArray()), Is.EqualTo(FileTypeDetection.Unsupported("The file is not a valid .docx document.")));
    }

    [Test]
    public void Detect_BrokenZipNamedDocx_IsNotAValidDocx()
    {
        Assert.That(Detect("guide.docx", "PK\u0003\u0004 this archive ends here"), Is.EqualTo(FileTypeDetection.Unsupported("The file is not a valid .docx document.")));
    }

    [Test]
    public void Detect_TextNamedDocx_ContradictsItsExtension()
    {
        Assert.That(Detect("guide.docx", "plain text").Reason, Is.EqualTo("The file's content does not match its .docx extension."));
    }

    [Test]
    public void Detect_PasswordProtectedDocx_IsAcceptedSoParsingCanReportIt()
    {
        Assert.That(_detector.Detect("secret.docx", DocxFixtures.OleFile(withEncryptedPackage: true)).FileType, Is.EqualTo(DocumentFileType.Docx));
    }

    [Test]
    public void Detect_LegacyDocRenamedToDocx_IsRefusedWithTheSaveAsHint()
    {
        var detection = _detector.Detect("old.docx", DocxFixtures.OleFile(withEncryptedPackage: false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detection.FileType, Is.Null);
            Assert.That(detection.Hint, Is.EqualTo("Save the file as .docx and upload it again."));
        }
    }

    [Test]
    public void Detect_Doc_IsRefusedWithTheSaveAsHint()
    {
        var detection = _detector.Detect("old.doc", DocxFixtures.OleFile(withEncryptedPackage: false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detection.FileType, Is.Null);
            Assert.That(detection.Reason, Is.Not.Empty);
            Assert.That(detection.Hint, Is.EqualTo("Save the file as .docx and upload it again."));
        }
    }

    [TestCase("readme.md", DocumentFileType.Markdown)]
    [TestCase("page.mdx", DocumentFileType.Markdown)]
    [TestCase("notes.markdown", DocumentFileType.Markdown)]
    [TestCase("notes.txt", DocumentFileType.Text)]
    [TestCase("index.html", DocumentFileType.Html)]
    [TestCase("index.HTM", DocumentFileType.Html)]
    [TestCase("backup.pdf.md", DocumentFileType.Markdown)]
    public void Detect_TextWithATextExtension_IsThatType(string filename, DocumentFileType expected)
    {
        Assert.That(Detect(filename, "# Title\n\nSome <b>text</b>.\n"), Is.EqualTo(FileTypeDetection.Supported(expected)));
    }

    [Test]
    public void Detect_Utf16TextWithByteOrderMark_IsText()
    {
        var content = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Hello, world")).ToArray();

        Assert.That(_detector.Detect("notes.txt", content).FileType, Is.EqualTo(DocumentFileType.Text));
    }

    [Test]
    public void Detect_Utf16TextWithoutByteOrderMark_IsRefusedAsBinary()
    {
        Assert.That(_detector.Detect("notes.txt", Encoding.Unicode.GetBytes("Hello, world")).FileType, Is.Null);
    }

    [TestCase(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A })]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [TestCase(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' })]
    [TestCase(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' })]
    [TestCase(new byte[] { (byte)'P', (byte)'K', 0x03, 0x04 })]
    [TestCase(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-' })]
    [TestCase(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })]
    public void Detect_BinarySignatureNamedMarkdown_ContradictsItsExtension(byte[] signature)
    {
        Assert.That(_detector.Detect("readme.md", signature).Reason, Is.EqualTo("The file's content does not match its .md extension."));
    }

    [Test]
    public void Detect_NulByteInText_ContradictsItsExtension()
    {
        Assert.That(Detect("page.html", "<p>text\0more</p>").Reason, Is.EqualTo("The file's content does not match its .html extension."));
    }

    [TestCase("api.json", """{ "openapi": "3.1.0", "info": { "title": "A", "version": "1" }, "paths": {} }""")]
    [TestCase("api.yaml", "swagger: '2.0'\ninfo: { title: A, version: '1' }\npaths: {}\n")]
    [TestCase("api.yml", "openapi: 3.0.3\ninfo:\n  title: A\n  version: '1'\npaths: {}\n")]
    public void Detect_OpenApiOrSwaggerDocument_IsOpenapi(string filename, string content)
    {
        Assert.That(Detect(filename, content), Is.EqualTo(FileTypeDetection.Supported(DocumentFileType.Openapi)));
    }

    [TestCase("package.json", """{ "name": "widget", "version": "1.0.0" }""")]
    [TestCase("compose.yaml", "services:\n  web:\n    image: nginx\n")]
    [TestCase("old.json", """{ "swagger": "1.2" }""")]
    [TestCase("list.json", "[1, 2, 3]")]
    public void Detect_JsonOrYamlThatIsNotOpenApi_IsRefusedWithTheOpenApiHint(string filename, string content)
    {
        var detection = Detect(filename, content);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detection.FileType, Is.Null);
            Assert.That(detection.Reason, Is.EqualTo("The file is JSON or YAML but not an OpenAPI 3.x or Swagger 2.0 document."));
            Assert.That(detection.Hint, Is.EqualTo(OpenApiHint));
        }
    }

    [TestCase("broken.json", """{ "openapi": "3.0.0", """)]
    [TestCase("broken.yaml", "openapi: 3.0.0\n  paths: [unclosed\n")]
    public void Detect_UnreadableJsonOrYaml_SaysItCouldNotBeReadWithTheOpenApiHint(string filename, string content)
    {
        var detection = Detect(filename, content);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detection.FileType, Is.Null);
            Assert.That(detection.Reason, Does.StartWith("The file could not be read as JSON or YAML."));
            Assert.That(detection.Hint, Is.EqualTo(OpenApiHint));
        }
    }

    [TestCase("setup.exe", ".exe")]
    [TestCase("photo.PNG", ".png")]
    [TestCase("readme.md.exe", ".exe")]
    public void Detect_UnknownExtension_IsRefusedListingTheAcceptedOnes(string filename, string extension)
    {
        var detection = Detect(filename, "MZ");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detection.FileType, Is.Null);
            Assert.That(detection.Reason, Does.StartWith($"Files with the {extension} extension are not supported."));
            Assert.That(detection.Reason, Does.Contain(".pdf, .docx, .md, .mdx, .markdown, .txt, .html, .htm, .json, .yaml or .yml"));
        }
    }

    [TestCase("README")]
    [TestCase("notes.")]
    public void Detect_NoExtension_IsRefusedListingTheAcceptedOnes(string filename)
    {
        var detection = Detect(filename, "plain text");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detection.FileType, Is.Null);
            Assert.That(detection.Reason, Does.StartWith("The file has no extension.").And.Contain(".pdf, .docx"));
            Assert.That(detection.Hint, Is.Null);
        }
    }

    private FileTypeDetection Detect(string filename, string content) => _detector.Detect(filename, Encoding.UTF8.GetBytes(content));
}
