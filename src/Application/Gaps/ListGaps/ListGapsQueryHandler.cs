using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Chat9.Application.Gaps.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Chat9.Domain.Gaps.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Gaps.ListGaps;

public sealed class ListGapsQueryHandler(IReadRepository<Gap> gaps, IOptions<LimitsOptions> limits) : IQueryHandler<ListGapsQuery, PagedList<GapDto>>
{
    public async ValueTask<PagedList<GapDto>> Handle(ListGapsQuery query, CancellationToken cancellationToken)
    {
        var take = query.Page.Take(limits.Value.DefaultPageSize);
        var spec = new GapListSpec(query.BotId, query.Status, query.Mode, query.Page.Skip, take);
        var items = await gaps.ListAsync(spec, cancellationToken);
        var total = await gaps.CountAsync(spec, cancellationToken);
        return new PagedList<GapDto>([.. items.Select(GapDto.From)], total, query.Page.NextCursor(limits.Value.DefaultPageSize, total));
    }
}
