using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Chat9.Application.Sources.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sources;
using Chat9.Domain.Sources.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.ListUrlSources;

public sealed class ListUrlSourcesQueryHandler(IReadRepository<UrlSource> sources, IOptions<LimitsOptions> limits)
    : IQueryHandler<ListUrlSourcesQuery, PagedList<UrlSourceDto>>
{
    public async ValueTask<PagedList<UrlSourceDto>> Handle(ListUrlSourcesQuery query, CancellationToken cancellationToken)
    {
        var take = query.Page.Take(limits.Value.DefaultPageSize);
        var spec = new UrlSourceListSpec(query.BotId, query.Page.Skip, take);
        var items = await sources.ListAsync(spec, cancellationToken);
        var total = await sources.CountAsync(spec, cancellationToken);
        return new PagedList<UrlSourceDto>([.. items.Select(UrlSourceDto.From)], total, query.Page.NextCursor(limits.Value.DefaultPageSize, total));
    }
}
