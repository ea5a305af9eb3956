using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.Domain.Jobs.Specifications;

namespace Chat9.Application.Jobs.Common;

/// <summary>
/// Queues a bot's background job unless one of the same kind is already waiting. The row is added to the caller's
/// unit of work, so it commits (or not) with the change that asked for it.
/// </summary>
public sealed class BotJobQueue(IRepository<BotJob> jobs, IBotJobSignal signal, TimeProvider clock)
{
    /// <param name="joinRunning">
    /// Whether a running job counts as waiting. An on-demand recalculation joins it; a refresh after a document change
    /// does not, because the running job may have read the documents before the change.
    /// </param>
    public async Task<BotJob> EnqueueAsync(Guid botId, BotJobKind kind, TimeSpan delay, bool joinRunning, CancellationToken cancellationToken)
    {
        var pending = await jobs.FirstOrDefaultAsync(new PendingBotJobSpec(botId, kind, joinRunning), cancellationToken);
        if (pending is not null)
        {
            return pending;
        }

        var now = clock.GetUtcNow();
        var job = BotJob.Queue(botId, kind, now + delay, now);
        jobs.Add(job);
        if (delay <= TimeSpan.Zero)
        {
            signal.WorkQueued();
        }

        return job;
    }
}
