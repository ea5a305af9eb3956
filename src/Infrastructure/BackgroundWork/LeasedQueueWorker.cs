using Chat9.Infrastructure.Documents.Ingestion;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat9.Infrastructure.BackgroundWork;

/// <summary>
/// Works a queue kept in database rows. Each loop claims one item under a lease, keeps the lease alive with a
/// heartbeat while it works, and gives up at a time limit. A crash leaves the lease to expire, after which any
/// instance takes the item over. Every step is a use case sent through its own DI scope.
/// </summary>
public abstract class LeasedQueueWorker<TClaim>(IServiceScopeFactory scopes, WorkSignal signal, ILogger logger) : BackgroundService
    where TClaim : class
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Loops run in parallel on this instance; 0 leaves the work to other instances.</summary>
    protected abstract int Workers { get; }

    protected abstract TimeSpan PollInterval { get; }

    protected abstract TimeSpan Lease { get; }

    protected abstract TimeSpan TimeLimit { get; }

    protected abstract ICommand<TClaim?> Claim(string workerId);

    protected abstract ICommand<bool> Renew(TClaim claim, string workerId);

    protected abstract Task WorkAsync(ISender sender, TClaim claim, string workerId, CancellationToken cancellationToken);

    /// <summary>The item ran past <see cref="TimeLimit"/> (only called while this worker still holds it).</summary>
    protected abstract Task TimedOutAsync(ISender sender, TClaim claim, string workerId, CancellationToken cancellationToken);

    /// <summary>Lower-priority upkeep, run when the queue is empty.</summary>
    protected virtual Task IdleAsync(ISender sender, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(1, Math.Max(0, Workers))
            .Select(n => Task.Run(() => LoopAsync($"{_instance}/{n}", stoppingToken), stoppingToken)));

    private async Task LoopAsync(string workerId, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claim = await SendAsync(Claim(workerId), stoppingToken);
                if (claim is null)
                {
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        await IdleAsync(scope.ServiceProvider.GetRequiredService<ISender>(), stoppingToken);
                    }

                    await signal.WaitAsync(PollInterval, stoppingToken);
                    continue;
                }

                await RunAsync(claim, workerId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: an unfinished item's lease expires and it is picked up again.
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Worker {Worker} failed; the item is retried after its lease expires.", workerId);
                await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunAsync(TClaim claim, string workerId, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(TimeLimit);
        using var leaseLost = new CancellationTokenSource();
        using var working = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token, leaseLost.Token);
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(working.Token);
        var heartbeat = HeartbeatAsync(claim, workerId, leaseLost, heartbeatStop.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await WorkAsync(scope.ServiceProvider.GetRequiredService<ISender>(), claim, workerId, working.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            await TimedOutAsync(scope.ServiceProvider.GetRequiredService<ISender>(), claim, workerId, stoppingToken);
            logger.LogWarning("{Item} ran past its time limit of {Limit}", claim, TimeLimit);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Lost the lease on {Item}; another worker continues it.", claim);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    private async Task HeartbeatAsync(TClaim claim, string workerId, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, Lease.TotalSeconds / 3));
        try
        {
            while (true)
            {
                await Task.Delay(interval, stop);
                bool held;
                try
                {
                    held = await SendAsync(Renew(claim, workerId), stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One missed heartbeat is not fatal: the lease only expires after several.
                    logger.LogWarning(ex, "Heartbeat for {Item} failed", claim);
                    continue;
                }

                if (!held)
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task<T> SendAsync<T>(ICommand<T> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }
}
