using Chat9.Application.Common.Options;
using Chat9.Application.Documents.ClaimNextDocument;
using Chat9.Application.Documents.Processing;
using Chat9.Application.Documents.FailDocumentProcessing;
using Chat9.Application.Documents.ProcessDocument;
using Chat9.Application.Documents.RenewDocumentLease;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Documents.Ingestion;

/// <summary>
/// Works the document queue (the Documents table). Each loop claims one document under a lease, keeps the lease alive
/// with a heartbeat while it processes, and stops at the processing timeout. A crash leaves the lease to expire, after
/// which any instance takes the document over; a document that never finishes is failed after a few attempts.
/// </summary>
public sealed class DocumentIngestionWorker(
    IServiceScopeFactory scopes,
    IngestionSignal signal,
    IOptions<IngestionOptions> ingestionOptions,
    IOptions<LimitsOptions> limits,
    ILogger<DocumentIngestionWorker> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <remarks><c>Ingestion:Workers = 0</c> turns processing off on this instance (another instance does it).</remarks>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(1, Math.Max(0, ingestionOptions.Value.Workers))
            .Select(n => Task.Run(() => WorkAsync($"{_instance}/{n}", stoppingToken), stoppingToken)));

    private async Task WorkAsync(string workerId, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(ingestionOptions.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await SendAsync(new ClaimNextDocumentCommand(workerId), stoppingToken);
                if (claimed is null)
                {
                    await signal.WaitAsync(poll, stoppingToken);
                    continue;
                }

                await ProcessAsync(claimed.DocumentId, workerId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: an unfinished document's lease expires and it is picked up again.
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Ingestion worker {Worker} failed; the document will be retried after its lease expires.", workerId);
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ProcessAsync(Guid documentId, string workerId, CancellationToken stoppingToken)
    {
        var timeout = TimeSpan.FromMinutes(limits.Value.ProcessingTimeoutMinutes);
        using var timeoutSource = new CancellationTokenSource(timeout);
        using var leaseLost = new CancellationTokenSource();
        using var processing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeoutSource.Token, leaseLost.Token);
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(processing.Token);
        var heartbeat = HeartbeatAsync(documentId, workerId, leaseLost, heartbeatStop.Token);
        try
        {
            var status = await SendAsync(new ProcessDocumentCommand(documentId, workerId), processing.Token);
            logger.LogInformation("Document {DocumentId} processed: {Status}", documentId, status?.ToString() ?? "claim lost");
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            await SendAsync(new FailDocumentProcessingCommand(documentId, workerId, DocumentErrorCodes.ProcessingTimeout,
                $"Processing took longer than {timeout.TotalMinutes:0} minutes."), stoppingToken);
            logger.LogWarning("Document {DocumentId} timed out after {Minutes} minutes", documentId, timeout.TotalMinutes);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Lost the lease on document {DocumentId}; another worker continues it.", documentId);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    private async Task HeartbeatAsync(Guid documentId, string workerId, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, ingestionOptions.Value.LeaseSeconds / 3.0));
        try
        {
            while (true)
            {
                await Task.Delay(interval, stop);
                bool held;
                try
                {
                    held = await SendAsync(new RenewDocumentLeaseCommand(documentId, workerId), stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One missed heartbeat is not fatal: the lease only expires after several.
                    logger.LogWarning(ex, "Heartbeat for document {DocumentId} failed", documentId);
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
