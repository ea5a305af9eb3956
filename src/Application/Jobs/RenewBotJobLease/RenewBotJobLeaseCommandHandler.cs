using Chat9.Application.Common.Options;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Jobs.RenewBotJobLease;

public sealed class RenewBotJobLeaseCommandHandler(
    IRepository<BotJob> jobs,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<JobOptions> options) : ICommandHandler<RenewBotJobLeaseCommand, bool>
{
    public async ValueTask<bool> Handle(RenewBotJobLeaseCommand command, CancellationToken cancellationToken)
    {
        var job = await jobs.FirstOrDefaultAsync(new BotJobByIdSpec(command.JobId), cancellationToken);
        if (job is null || job.Status != BotJobStatus.Running || job.LeaseOwner != command.WorkerId)
        {
            return false;
        }

        job.RenewLease(command.WorkerId, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // Another worker claimed it after our lease expired.
            return false;
        }
    }
}
