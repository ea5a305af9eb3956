using Chat9.Application.Common.Options;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Jobs.ClaimNextBotJob;

public sealed class ClaimNextBotJobCommandHandler(
    IRepository<BotJob> jobs,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<JobOptions> options,
    ILogger<ClaimNextBotJobCommandHandler> logger) : ICommandHandler<ClaimNextBotJobCommand, ClaimedBotJob?>
{
    public async ValueTask<ClaimedBotJob?> Handle(ClaimNextBotJobCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var job = (await jobs.ListAsync(new ClaimableBotJobsSpec(now, take: 1), cancellationToken)).FirstOrDefault();
        if (job is null)
        {
            return null;
        }

        var started = job.Claim(command.WorkerId, now, TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        try
        {
            // Attempts is a concurrency token: of two workers claiming the same row, one save fails.
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        if (!started)
        {
            logger.LogWarning("Job {JobId} ({Kind}) of bot {BotId} failed: {Error}", job.Id, job.Kind, job.BotId, job.Error);
            return null;
        }

        return new ClaimedBotJob(job.Id, job.BotId, job.Kind);
    }
}
