using System.Threading.RateLimiting;

namespace Chat9.WebApi.Infrastructure.RateLimiting;

/// <summary>
/// Two limits on one request, checked in order: the client's own bucket first, then a bucket it shares with others.
/// A request the first limit refuses never reaches the shared one, so one noisy client cannot use up a bot's common
/// budget with requests that were refused anyway.
/// </summary>
public sealed class ChainedRateLimiter(RateLimiter own, PartitionedRateLimiter<string> shared, string sharedKey) : RateLimiter
{
    public override TimeSpan? IdleDuration => own.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => own.GetStatistics();

    // Both limits count requests in a window, so a lease holds nothing to give back: the first one is let go at once.
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var lease = own.AttemptAcquire(permitCount);
        if (!lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return shared.AttemptAcquire(sharedKey, permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var lease = await own.AcquireAsync(permitCount, cancellationToken);
        if (!lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return await shared.AcquireAsync(sharedKey, permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            own.Dispose();
        }

        base.Dispose(disposing);
    }
}
