using Chat9.Application.Common.Exceptions;
using Chat9.Application.Jobs.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;
using Mediator;

namespace Chat9.Application.Gaps.GetGapJob;

public sealed class GetGapJobQueryHandler(IReadRepository<BotJob> jobs) : IQueryHandler<GetGapJobQuery, BotJobDto>
{
    public async ValueTask<BotJobDto> Handle(GetGapJobQuery query, CancellationToken cancellationToken)
    {
        var job = await jobs.FirstOrDefaultAsync(new BotJobOfBotSpec(query.BotId, query.JobId), cancellationToken);
        return job is { Kind: BotJobKind.GapRecalculation }
            ? BotJobDto.From(job)
            : throw new NotFoundException("not_found", "No recalculation job with this id.");
    }
}
