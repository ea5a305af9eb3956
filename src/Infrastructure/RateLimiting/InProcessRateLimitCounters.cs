using System.Threading.RateLimiting;

namespace Chat9.Infrastructure.RateLimiting;

/// <summary>Counters in this process (the default): exact for one instance; each instance counts on its own.</summary>
public sealed class InProcessRateLimitCounters(TimeProvider clock) : IRateLimitCounters
{
    public RateLimiter SlidingWindow(string bucket, int permitLimit, TimeSpan window) => new SlidingLogRateLimiter(permitLimit, window, clock);
}
