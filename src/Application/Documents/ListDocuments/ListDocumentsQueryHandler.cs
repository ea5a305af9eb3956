using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Documents.ListDocuments;

public sealed class ListDocumentsQueryHandler(IReadRepository<Document> documents, IOptions<LimitsOptions> limits)
    : IQueryHandler<ListDocumentsQuery, PagedList<DocumentDto>>
{
    public async ValueTask<PagedList<DocumentDto>> Handle(ListDocumentsQuery query, CancellationToken cancellationToken)
    {
        var take = query.Page.Take(limits.Value.DefaultPageSize);
        bool? crawled = query.Origin is { } origin ? origin == DocumentOrigin.Crawl : null;
        var spec = new DocumentListSpec(query.BotId, query.Status, query.FileType, crawled, query.Page.Skip, take);
        var items = await documents.ListAsync(spec, cancellationToken);
        var total = await documents.CountAsync(spec, cancellationToken);
        return new PagedList<DocumentDto>([.. items.Select(DocumentDto.From)], total, query.Page.NextCursor(limits.Value.DefaultPageSize, total));
    }
}
