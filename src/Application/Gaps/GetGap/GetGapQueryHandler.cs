using Chat9.Application.Gaps.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Mediator;

namespace Chat9.Application.Gaps.GetGap;

public sealed class GetGapQueryHandler(IRepository<Gap> gaps) : IQueryHandler<GetGapQuery, GapDto>
{
    public async ValueTask<GapDto> Handle(GetGapQuery query, CancellationToken cancellationToken) =>
        GapDto.From(await gaps.GetGapAsync(query.BotId, query.GapId, cancellationToken));
}
