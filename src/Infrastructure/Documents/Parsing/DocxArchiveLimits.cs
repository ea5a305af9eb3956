using System.Globalization;
using System.IO.Compression;
using Chat9.Application.Documents.Processing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Rejects a ZIP bomb from its central directory, before anything is inflated (limits.md: Decompressed size).</summary>
internal static class DocxArchiveLimits
{
    public static void EnsureWithin(Stream package, ParseLimits limits)
    {
        using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (declared > limits.MaxUncompressedBytes)
            {
                throw UncompressedByteBudget.Exceeded(limits.MaxUncompressedBytes);
            }
        }

        if (declared > (long)limits.MaxCompressionRatio * package.Length)
        {
            throw new DocumentParseException(DocumentErrorCodes.TooLargeUncompressed, string.Create(CultureInfo.InvariantCulture,
                $"The file expands {declared / Math.Max(package.Length, 1):N0} times its size when unpacked; at most {limits.MaxCompressionRatio:N0} times is allowed. It may be a ZIP bomb."));
        }
    }
}
