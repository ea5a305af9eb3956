using Chat9.Application.Common.Models;
using Chat9.Application.Documents.Common;
using Chat9.Domain.Documents;
using Mediator;

namespace Chat9.Application.Documents.ListDocuments;

/// <summary>Where a document came from: uploaded, or crawled by a URL source.</summary>
public enum DocumentOrigin
{
    Upload,
    Crawl,
}

/// <summary><c>GET /documents</c>: newest first, filtered by status, type and origin.</summary>
public sealed record ListDocumentsQuery(Guid BotId, PageRequest Page, DocumentStatus? Status, DocumentFileType? FileType, DocumentOrigin? Origin)
    : IQuery<PagedList<DocumentDto>>;
