using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;
using Mediator;

namespace Chat9.Application.Jobs.FailTimedOutBotJob;

public sealed class FailTimedOutBotJobCommandHandler(IRepository<BotJob> jobs, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<FailTimedOutBotJobCommand>
{
    public async ValueTask<Unit> Handle(FailTimedOutBotJobCommand command, CancellationToken cancellationToken)
    {
        unitOfWork.DiscardChanges();
        var job = await jobs.FirstOrDefaultAsync(new BotJobByIdSpec(command.JobId), cancellationToken);
        if (job is not null && job.Status == BotJobStatus.Running && job.LeaseOwner == command.WorkerId)
        {
            job.Fail(command.WorkerId, command.Error, clock.GetUtcNow());
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Taken over meanwhile: the other worker records the outcome.
            }
        }

        return Unit.Value;
    }
}
