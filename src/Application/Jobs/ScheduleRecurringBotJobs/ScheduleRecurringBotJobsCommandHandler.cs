using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Jobs.ScheduleRecurringBotJobs;

public sealed class ScheduleRecurringBotJobsCommandHandler(
    IReadRepository<Bot> bots,
    IRepository<BotJob> jobs,
    IUnitOfWork unitOfWork,
    IBotJobSignal signal,
    TimeProvider clock,
    IOptions<GapOptions> gaps,
    IOptions<JobOptions> options) : ICommandHandler<ScheduleRecurringBotJobsCommand, int>
{
    public async ValueTask<int> Handle(ScheduleRecurringBotJobsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var every = new Dictionary<BotJobKind, TimeSpan>
        {
            [BotJobKind.GapRecalculation] = TimeSpan.FromHours(gaps.Value.RecalculateHours),
            [BotJobKind.FaqGeneration] = TimeSpan.FromHours(options.Value.FaqGenerationHours),
        };
        var since = now - every.Values.Max();
        var recent = await jobs.ListAsync(new RecentBotJobsSpec(every.Keys, since), cancellationToken);
        var activeBots = await bots.ListAsync(new ActiveBotIdsSpec(), cancellationToken);
        var queued = 0;
        foreach (var botId in activeBots)
        {
            foreach (var (kind, interval) in every)
            {
                var covered = recent.Any(j => j.BotId == botId && j.Kind == kind && (j.IsPending || j.CreatedAt > now - interval));
                if (!covered)
                {
                    jobs.Add(BotJob.Queue(botId, kind, now, now));
                    queued++;
                }
            }
        }

        if (queued > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            signal.WorkQueued();
        }

        return queued;
    }
}
