using Chat9.Application.Jobs.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Mediator;

namespace Chat9.Application.Gaps.RequestGapRecalculation;

public sealed class RequestGapRecalculationCommandHandler(BotJobQueue queue, IUnitOfWork unitOfWork)
    : ICommandHandler<RequestGapRecalculationCommand, BotJobDto>
{
    public async ValueTask<BotJobDto> Handle(RequestGapRecalculationCommand command, CancellationToken cancellationToken)
    {
        var job = await queue.EnqueueAsync(command.BotId, BotJobKind.GapRecalculation, TimeSpan.Zero, joinRunning: true, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return BotJobDto.From(job);
    }
}
