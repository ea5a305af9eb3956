using System.IO.Compression;
using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Documents;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// The type of an upload (management-api.md, accepted types): the last extension names the candidate type and the
/// content must confirm it, so an executable renamed to .pdf is refused before it is stored.
/// </summary>
public sealed class FileTypeDetector : IFileTypeDetector
{
    private const string AcceptedExtensions = ".pdf, .docx, .md, .mdx, .markdown, .txt, .html, .htm, .json, .yaml or .yml";
    private const string SaveAsDocxHint = "Save the file as .docx and upload it again.";
    private const string OpenApiOnlyHint = "Only OpenAPI 3.x or Swagger 2.0 documents are accepted as JSON or YAML.";

    // Real PDF readers find the header after up to 1 KiB of leading bytes, so uploads that open elsewhere are accepted here.
    private const int MaxBytesBeforePdfHeader = 1024;
    private const int TextSniffBytes = 8 * 1024;

    public FileTypeDetection Detect(string filename, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var extension = Path.GetExtension(filename.Trim()).ToLowerInvariant();
        return extension switch
        {
            ".pdf" => DetectPdf(content),
            ".docx" => DetectDocx(content),
            ".md" or ".mdx" or ".markdown" => DetectText(content, extension, DocumentFileType.Markdown),
            ".txt" => DetectText(content, extension, DocumentFileType.Text),
            ".html" or ".htm" => DetectText(content, extension, DocumentFileType.Html),
            ".json" or ".yaml" or ".yml" => DetectOpenApi(content),
            ".doc" => FileTypeDetection.Unsupported("Legacy Word documents (.doc) are not supported.", SaveAsDocxHint),
            "" => FileTypeDetection.Unsupported($"The file has no extension. Accepted file types: {AcceptedExtensions}."),
            _ => FileTypeDetection.Unsupported($"Files with the {extension} extension are not supported. Accepted file types: {AcceptedExtensions}."),
        };
    }

    private static FileTypeDetection DetectPdf(ReadOnlySpan<byte> content)
    {
        var searched = content[..Math.Min(content.Length, MaxBytesBeforePdfHeader + 5)];
        return searched.IndexOf("%PDF-"u8) >= 0 ? FileTypeDetection.Supported(DocumentFileType.Pdf) : ContentMismatch(".pdf");
    }

    private static FileTypeDetection DetectDocx(ReadOnlySpan<byte> content)
    {
        // An encrypted .docx is an OLE file around the encrypted package; accepting it lets parsing report "encrypted".
        if (OleCompoundFile.IsEncryptedOfficeDocument(content))
        {
            return FileTypeDetection.Supported(DocumentFileType.Docx);
        }

        if (OleCompoundFile.IsOleFile(content))
        {
            return FileTypeDetection.Unsupported("The file is a legacy Word (.doc) document with a .docx extension.", SaveAsDocxHint);
        }

        if (!content.StartsWith("PK\u0003\u0004"u8))
        {
            return ContentMismatch(".docx");
        }

        return HasWordDocumentParts(content.ToArray())
            ? FileTypeDetection.Supported(DocumentFileType.Docx)
            : FileTypeDetection.Unsupported("The file is not a valid .docx document.");
    }

    private static bool HasWordDocumentParts(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = archive.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml");
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return false;
        }
    }

    private static FileTypeDetection DetectText(ReadOnlySpan<byte> content, string extension, DocumentFileType fileType)
    {
        var looksBinary = BinarySignatures.StartsWithAny(content)
            || (!TextDecoder.StartsWithUtf16Bom(content) && content[..Math.Min(content.Length, TextSniffBytes)].Contains((byte)0));
        return looksBinary ? ContentMismatch(extension) : FileTypeDetection.Supported(fileType);
    }

    private static FileTypeDetection DetectOpenApi(ReadOnlySpan<byte> content)
    {
        try
        {
            return OpenApiDocumentReader.IsSupportedVersion(OpenApiDocumentReader.ReadTree(TextDecoder.Decode(content)))
                ? FileTypeDetection.Supported(DocumentFileType.Openapi)
                : FileTypeDetection.Unsupported("The file is JSON or YAML but not an OpenAPI 3.x or Swagger 2.0 document.", OpenApiOnlyHint);
        }
        catch (InvalidDataException exception)
        {
            return FileTypeDetection.Unsupported($"The file could not be read as JSON or YAML. {exception.Message}", OpenApiOnlyHint);
        }
    }

    private static FileTypeDetection ContentMismatch(string extension) =>
        FileTypeDetection.Unsupported($"The file's content does not match its {extension} extension.");
}
