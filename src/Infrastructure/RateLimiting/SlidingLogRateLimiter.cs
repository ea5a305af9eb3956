using System.Threading.RateLimiting;

namespace Chat9.Infrastructure.RateLimiting;

/// <summary>
/// "At most N requests in any sliding window" exactly (the contract's definition), by remembering when each accepted
/// request happened. The built-in sliding-window limiter approximates with segments and reports no Retry-After;
/// here a rejection says precisely when the oldest request leaves the window.
/// </summary>
public sealed class SlidingLogRateLimiter(int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Queue<long> _accepted = new();
    private readonly object _gate = new();
    private readonly long _created = clock.GetTimestamp();
    private long? _lastAccepted;

    /// <summary>How long the window has been empty (the partitioned limiter drops idle limiters), or <c>null</c> while it is not.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                if (_lastAccepted is not { } last)
                {
                    return clock.GetElapsedTime(_created);
                }

                var sinceLast = clock.GetElapsedTime(last);
                return sinceLast >= window ? sinceLast - window : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Expire(clock.GetTimestamp());
            return new RateLimiterStatistics { CurrentAvailablePermits = permitLimit - _accepted.Count };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            Expire(now);
            if (_accepted.Count < permitLimit)
            {
                _accepted.Enqueue(now);
                _lastAccepted = now;
                return Lease.Acquired;
            }

            var retryAfter = window - clock.GetElapsedTime(_accepted.Peek(), now);
            return new Lease(false, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Expire(long now)
    {
        while (_accepted.Count > 0 && clock.GetElapsedTime(_accepted.Peek(), now) >= window)
        {
            _accepted.Dequeue();
        }
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
