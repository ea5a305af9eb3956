using Chat9.Domain.Documents;

namespace Chat9.Application.Common.Interfaces;

/// <summary>Decides an upload's type from its extension confirmed by its content.</summary>
public interface IFileTypeDetector
{
    FileTypeDetection Detect(string filename, ReadOnlySpan<byte> content);
}

/// <summary>Either a supported <see cref="FileType"/>, or a rejection with a human-readable <see cref="Reason"/> (and an optional <see cref="Hint"/>).</summary>
public sealed record FileTypeDetection(DocumentFileType? FileType, string? Reason, string? Hint)
{
    public static FileTypeDetection Supported(DocumentFileType fileType) => new(fileType, null, null);

    public static FileTypeDetection Unsupported(string reason, string? hint = null) => new(null, reason, hint);
}
