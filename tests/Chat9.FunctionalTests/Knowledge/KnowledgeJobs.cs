using Chat9.Application.Jobs.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Jobs;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Knowledge;

/// <summary>Runs knowledge jobs through the real queue and worker, and waits for them.</summary>
public static class KnowledgeJobs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Queues a job due now (as the recurring schedule would), waits until the worker finished it and returns how it ended.</summary>
    public static async Task<BotJobStatus> RunAsync(this Chat9WebApiFactory factory, Guid botId, BotJobKind kind)
    {
        Guid jobId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<BotJobQueue>().EnqueueAsync(botId, kind, TimeSpan.Zero, joinRunning: false, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            jobId = job.Id;
        }

        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var job = await JobsAsync(factory, j => j.Id == jobId);
            if (job.Single() is { IsPending: false } done)
            {
                return done.Status;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"Job {kind} of bot {botId} still {job.Single().Status}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the bot has no queued or running knowledge job left (e.g. those queued by an upload), and returns the finished ones.</summary>
    public static async Task<List<BotJob>> WaitUntilIdleAsync(this Chat9WebApiFactory factory, Guid botId)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var jobs = await JobsAsync(factory, j => j.BotId == botId);
            if (!jobs.Any(j => j.IsPending))
            {
                return jobs;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"Jobs of bot {botId} still pending.");
            await Task.Delay(100);
        }
    }

    private static async Task<List<BotJob>> JobsAsync(Chat9WebApiFactory factory, System.Linq.Expressions.Expression<Func<BotJob, bool>> filter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Chat9DbContext>().BotJobs.AsNoTracking().Where(filter).ToListAsync();
    }
}
