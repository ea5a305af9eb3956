using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Jobs.ClaimNextBotJob;
using Chat9.Application.Jobs.FailTimedOutBotJob;
using Chat9.Application.Jobs.RenewBotJobLease;
using Chat9.Application.Jobs.RunBotJob;
using Chat9.Application.Jobs.ScheduleRecurringBotJobs;
using Chat9.Infrastructure.Documents.Ingestion;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.BackgroundWork;

public sealed class BotJobSignal : WorkSignal, IBotJobSignal;

/// <summary>
/// Works the knowledge upkeep queue (the BotJobs table): gap recalculation, profile extraction, FAQ suggestions. When
/// the queue is empty it queues the recurring jobs that are due (checked every <c>Jobs:ScheduleCheckSeconds</c>).
/// </summary>
public sealed class BotJobWorker(
    IServiceScopeFactory scopes,
    BotJobSignal signal,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<BotJobWorker> logger) : LeasedQueueWorker<ClaimedBotJob>(scopes, signal, logger)
{
    private long _nextScheduleCheckTicks;

    protected override int Workers => options.Value.Workers;

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    protected override TimeSpan TimeLimit => TimeSpan.FromMinutes(options.Value.TimeLimitMinutes);

    protected override ICommand<ClaimedBotJob?> Claim(string workerId) => new ClaimNextBotJobCommand(workerId);

    protected override ICommand<bool> Renew(ClaimedBotJob claim, string workerId) => new RenewBotJobLeaseCommand(claim.JobId, workerId);

    protected override async Task WorkAsync(ISender sender, ClaimedBotJob claim, string workerId, CancellationToken cancellationToken)
    {
        var status = await sender.Send(new RunBotJobCommand(claim, workerId), cancellationToken);
        logger.LogInformation("Job {JobId} ({Kind}) of bot {BotId}: {Status}", claim.JobId, claim.Kind, claim.BotId, status?.ToString() ?? "claim lost");
    }

    protected override async Task TimedOutAsync(ISender sender, ClaimedBotJob claim, string workerId, CancellationToken cancellationToken) =>
        await sender.Send(new FailTimedOutBotJobCommand(claim.JobId, workerId, $"The job took longer than {TimeLimit.TotalMinutes:0} minutes."), cancellationToken);

    protected override async Task IdleAsync(ISender sender, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var interval = TimeSpan.FromSeconds(options.Value.ScheduleCheckSeconds).Ticks;
        // The first check waits one interval too: a server that restarts often does not queue work at every start.
        Interlocked.CompareExchange(ref _nextScheduleCheckTicks, now + interval, 0);
        var due = Interlocked.Read(ref _nextScheduleCheckTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextScheduleCheckTicks, now + interval, due) != due)
        {
            return;
        }

        var queued = await sender.Send(new ScheduleRecurringBotJobsCommand(), cancellationToken);
        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} recurring knowledge jobs.", queued);
        }
    }
}
