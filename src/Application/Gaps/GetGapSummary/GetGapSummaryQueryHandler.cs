using Chat9.Application.Gaps.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Chat9.Domain.Gaps.Specifications;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;
using Mediator;

namespace Chat9.Application.Gaps.GetGapSummary;

public sealed class GetGapSummaryQueryHandler(IReadRepository<Gap> gaps, IReadRepository<BotJob> jobs) : IQueryHandler<GetGapSummaryQuery, GapSummaryDto>
{
    private const int TopCount = 5;

    public async ValueTask<GapSummaryDto> Handle(GetGapSummaryQuery query, CancellationToken cancellationToken)
    {
        var active = await gaps.CountAsync(new GapListSpec(query.BotId, GapStatus.Active, null, 0, int.MaxValue), cancellationToken);
        var dismissed = await gaps.CountAsync(new GapListSpec(query.BotId, GapStatus.Dismissed, null, 0, int.MaxValue), cancellationToken);
        var resolved = await gaps.CountAsync(new GapListSpec(query.BotId, GapStatus.Resolved, null, 0, int.MaxValue), cancellationToken);
        var top = await gaps.ListAsync(new GapListSpec(query.BotId, GapStatus.Active, null, 0, TopCount), cancellationToken);
        var last = await jobs.FirstOrDefaultAsync(new LastSucceededBotJobSpec(query.BotId, BotJobKind.GapRecalculation), cancellationToken);
        return new GapSummaryDto(active, dismissed, resolved, [.. top.Select(GapDto.From)], last?.FinishedAt);
    }
}
