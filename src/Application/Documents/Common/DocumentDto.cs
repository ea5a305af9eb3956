using Chat9.Domain.Documents;

namespace Chat9.Application.Documents.Common;

/// <summary>A document as listed (management-api.md "Document").</summary>
public record DocumentDto(
    Guid Id,
    string Filename,
    DocumentFileType FileType,
    DocumentStatus Status,
    DocumentErrorDto? Error,
    long SizeBytes,
    int ChunkCount,
    Guid? SourceId,
    DocumentHealthSummaryDto? Health,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static DocumentDto From(Document d) => new(
        d.Id,
        d.Filename,
        d.FileType,
        d.Status,
        d.Status == DocumentStatus.Error && d.ErrorCode is not null ? new DocumentErrorDto(d.ErrorCode, d.ErrorMessage ?? d.ErrorCode) : null,
        d.SizeBytes,
        d.ChunkCount,
        d.SourceId,
        d.HealthScore is { } score && d.HealthCheckedAt is { } checkedAt ? new DocumentHealthSummaryDto(score, checkedAt) : null,
        d.CreatedAt,
        d.UpdatedAt);
}

/// <summary>A document with the detail members of <c>GET /documents/{id}</c>.</summary>
public sealed record DocumentDetailDto : DocumentDto
{
    private DocumentDetailDto(Document d)
        : base(From(d))
    {
        ParsedTextLength = d.ParsedTextLength;
        SourceUrl = d.SourceUrl;
        ContentSha256 = d.ContentSha256;
    }

    public int? ParsedTextLength { get; }

    public string? SourceUrl { get; }

    public string ContentSha256 { get; }

    public static DocumentDetailDto Of(Document d) => new(d);
}

public sealed record DocumentErrorDto(string Code, string Message);

public sealed record DocumentHealthSummaryDto(int Score, DateTimeOffset CheckedAt);

/// <summary><c>GET /documents/{id}/health</c>.</summary>
public sealed record DocumentHealthDto(Guid DocumentId, int Score, DateTimeOffset CheckedAt, IReadOnlyList<DocumentHealthWarningDto> Warnings)
{
    public static DocumentHealthDto From(Document d) => new(
        d.Id,
        d.HealthScore ?? 0,
        d.HealthCheckedAt ?? d.UpdatedAt,
        [.. d.HealthWarnings.Select(w => new DocumentHealthWarningDto(w.Code, w.Severity, w.Message))]);
}

public sealed record DocumentHealthWarningDto(string Code, HealthSeverity Severity, string Message);
