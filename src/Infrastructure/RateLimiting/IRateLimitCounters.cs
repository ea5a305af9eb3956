using System.Threading.RateLimiting;

namespace Chat9.Infrastructure.RateLimiting;

/// <summary>
/// Where rate-limit counters live: in this process (the default), or in a store every instance shares, so that
/// several instances behind a load balancer enforce one limit together (widget-api.md "Client IP and rate limits").
/// </summary>
public interface IRateLimitCounters
{
    /// <summary>"At most <paramref name="permitLimit"/> requests in any sliding <paramref name="window"/>" for one bucket.</summary>
    RateLimiter SlidingWindow(string bucket, int permitLimit, TimeSpan window);
}
