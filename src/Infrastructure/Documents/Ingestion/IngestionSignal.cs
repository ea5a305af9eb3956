using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Documents.Ingestion;

/// <summary>A level-triggered wake-up for this process's background workers (other instances find work by polling).</summary>
public abstract class WorkSignal
{
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);

    public void WorkQueued() => _queued.Release();

    /// <summary>Waits until work is announced or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}

public sealed class IngestionSignal : WorkSignal, IIngestionSignal;

public sealed class CrawlSignal : WorkSignal, ICrawlSignal;
