using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

/// <summary>Word documents built in memory: real ones through the Open XML SDK, hostile ones as hand-made ZIP archives.</summary>
internal static class DocxFixtures
{
    private const string ContentTypesXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """;

    private const string RelationshipsXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    public static byte[] Create(IEnumerable<OpenXmlElement> body, Styles? styles = null, string? packageTitle = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var mainPart = document.AddMainDocumentPart();
            mainPart.Document = new Document(new Body(body));
            if (styles is not null)
            {
                mainPart.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            }

            if (packageTitle is not null)
            {
                document.PackageProperties.Title = packageTitle;
            }
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(string text, string? styleId = null, int? outlineLevel = null)
    {
        var properties = new ParagraphProperties();
        if (styleId is not null)
        {
            properties.ParagraphStyleId = new ParagraphStyleId { Val = styleId };
        }

        if (outlineLevel is not null)
        {
            properties.OutlineLevel = new OutlineLevel { Val = outlineLevel };
        }

        return new Paragraph(properties, new Run(new Text(text)));
    }

    public static Paragraph ListItem(string text, int level) => new(
        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 })),
        new Run(new Text(text)));

    public static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell))))))));

    public static Style ParagraphStyle(string styleId, string name, bool numbered = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = styleId };
        if (numbered)
        {
            style.Append(new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 1 })));
        }

        return style;
    }

    /// <summary>A package with just the parts a .docx needs, whose one paragraph holds <paramref name="paragraphText"/>.</summary>
    public static byte[] Minimal(string paragraphText, CompressionLevel compression)
    {
        var documentXml = $"""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">{paragraphText}</w:t></w:r></w:p></w:body></w:document>""";
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddEntry(archive, "[Content_Types].xml", ContentTypesXml, compression);
            AddEntry(archive, "_rels/.rels", RelationshipsXml, compression);
            AddEntry(archive, "word/document.xml", documentXml, compression);
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size an entry declares, in its local header and in the central directory.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint declaredSize)
    {
        var patched = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var offset = 0; offset + 46 < patched.Length; offset++)
        {
            var header = patched.AsSpan(offset);
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (signature == 0x04034B50 && NameMatches(header, 26, 30, name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(header[22..], declaredSize);
            }
            else if (signature == 0x02014B50 && NameMatches(header, 28, 46, name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(header[24..], declaredSize);
            }
        }

        return patched;
    }

    /// <summary>The first bytes of an OLE compound file, optionally naming the stream Office keeps an encrypted package in.</summary>
    public static byte[] OleFile(bool withEncryptedPackage)
    {
        var file = new byte[1536];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        if (withEncryptedPackage)
        {
            Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(file, 1024);
        }

        return file;
    }

    private static bool NameMatches(ReadOnlySpan<byte> header, int nameLengthOffset, int nameOffset, byte[] name) =>
        BinaryPrimitives.ReadUInt16LittleEndian(header[nameLengthOffset..]) == name.Length
        && header.Length >= nameOffset + name.Length
        && header.Slice(nameOffset, name.Length).SequenceEqual(name);

    private static void AddEntry(ZipArchive archive, string name, string content, CompressionLevel compression)
    {
        using var entry = archive.CreateEntry(name, compression).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}
