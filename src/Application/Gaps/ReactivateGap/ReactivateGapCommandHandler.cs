using Chat9.Application.Gaps.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Mediator;

namespace Chat9.Application.Gaps.ReactivateGap;

public sealed class ReactivateGapCommandHandler(IRepository<Gap> gaps, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<ReactivateGapCommand, GapDto>
{
    public async ValueTask<GapDto> Handle(ReactivateGapCommand command, CancellationToken cancellationToken)
    {
        var gap = await gaps.GetGapAsync(command.BotId, command.GapId, cancellationToken);
        gap.Reactivate(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return GapDto.From(gap);
    }
}
