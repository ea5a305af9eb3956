namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// Spaces the starts of a crawl's requests at least <c>Crawl-delay</c> apart, however many run in parallel: the delay
/// is the site's wish for the whole crawler, not per connection.
/// </summary>
internal sealed class RequestPacer(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private TimeSpan _delay = TimeSpan.Zero;
    private DateTimeOffset? _lastStart;

    /// <summary>Applies from the next request on, measured from the previous start (robots.txt carries the delay).</summary>
    public void SetDelay(TimeSpan delay)
    {
        lock (_lock)
        {
            _delay = delay;
        }
    }

    /// <summary>Waits until this request may start; the wait books its slot, so parallel callers queue up.</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            var earliest = _lastStart + _delay ?? now;
            var start = earliest > now ? earliest : now;
            _lastStart = start;
            wait = start - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, timeProvider, cancellationToken) : Task.CompletedTask;
    }
}
