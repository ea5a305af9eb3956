using Chat9.Application.Gaps.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Mediator;

namespace Chat9.Application.Gaps.DismissGap;

public sealed class DismissGapCommandHandler(IRepository<Gap> gaps, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<DismissGapCommand, GapDto>
{
    public async ValueTask<GapDto> Handle(DismissGapCommand command, CancellationToken cancellationToken)
    {
        var gap = await gaps.GetGapAsync(command.BotId, command.GapId, cancellationToken);
        gap.Dismiss(command.Reason, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return GapDto.From(gap);
    }
}
