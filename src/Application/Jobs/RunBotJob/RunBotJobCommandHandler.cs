using Chat9.Application.Gaps.RecalculateGaps;
using Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;
using Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;
using Chat9.Domain.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Chat9.Application.Jobs.RunBotJob;

/// <summary>
/// Sends the job's use case and marks the job succeeded or failed. A failure is recorded with a message fit for the
/// bot's operator; the details go to the server log. Returns null when the worker lost the job to another one.
/// </summary>
public sealed class RunBotJobCommandHandler(
    ISender sender,
    IRepository<BotJob> jobs,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    ILogger<RunBotJobCommandHandler> logger) : ICommandHandler<RunBotJobCommand, BotJobStatus?>
{
    public async ValueTask<BotJobStatus?> Handle(RunBotJobCommand command, CancellationToken cancellationToken)
    {
        var claim = command.Job;
        string? error = null;
        try
        {
            await sender.Send(UseCaseOf(claim), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Job {JobId} ({Kind}) of bot {BotId} failed.", claim.JobId, claim.Kind, claim.BotId);
            error = ex is DomainException domain ? domain.Message : "An internal error stopped the job; the server log has the details.";
            unitOfWork.DiscardChanges();
        }

        var job = await jobs.FirstOrDefaultAsync(new BotJobByIdSpec(claim.JobId), cancellationToken);
        if (job is null || job.Status != BotJobStatus.Running || job.LeaseOwner != command.WorkerId)
        {
            return null;
        }

        if (error is null)
        {
            job.Succeed(command.WorkerId, clock.GetUtcNow());
        }
        else
        {
            job.Fail(command.WorkerId, error, clock.GetUtcNow());
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        return job.Status;
    }

    private static ICommand UseCaseOf(ClaimNextBotJob.ClaimedBotJob claim) => claim.Kind switch
    {
        BotJobKind.GapRecalculation => new RecalculateGapsCommand(claim.BotId),
        BotJobKind.ProfileExtraction => new ExtractKnowledgeProfileCommand(claim.BotId),
        BotJobKind.FaqGeneration => new GenerateFaqCandidatesCommand(claim.BotId),
        _ => throw new ArgumentOutOfRangeException(nameof(claim), claim.Kind, "Unknown job kind."),
    };
}
