using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Chat9.Infrastructure.RateLimiting;

/// <summary>
/// Counters in Redis, shared by every instance (<c>RateLimits:Store=redis</c>): one sorted set per bucket holds the
/// times of the accepted requests, and one Lua script trims the window, counts and records atomically, on the Redis
/// server's clock so that instances with drifting clocks still agree. If Redis cannot be reached the request is let
/// through and a warning is logged: a rate-limit store must not take the widget down with it.
/// </summary>
public sealed class RedisRateLimitCounters(IConnectionMultiplexer redis, ILogger<RedisRateLimitCounters> logger) : IRateLimitCounters
{
    public const string KeyPrefix = "chat9:ratelimit:";

    public RateLimiter SlidingWindow(string bucket, int permitLimit, TimeSpan window) =>
        new RedisSlidingWindowLimiter(redis, KeyPrefix + bucket, permitLimit, window, logger);
}

/// <summary>The sliding-log limit of <see cref="SlidingLogRateLimiter"/>, kept in Redis.</summary>
internal sealed class RedisSlidingWindowLimiter(
    IConnectionMultiplexer redis, string key, int permitLimit, TimeSpan window, ILogger logger) : RateLimiter
{
    // Returns 0 when the request is admitted, else the microseconds until the oldest request leaves the window.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local window = tonumber(ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
          return 0
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + window - now)
        """;

    private long _lastUsed = Stopwatch.GetTimestamp();

    /// <summary>Idle once a whole window passed without a request here; the state itself expires in Redis.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var idle = Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));
            return idle >= window ? idle : null;
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>
    /// Never decides synchronously (that would block a thread on the network): the rate-limiting middleware then asks
    /// <see cref="AcquireAsyncCore"/>, which does.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        try
        {
            var waitMicroseconds = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                Script, [new RedisKey(key)], [(long)(window.TotalMilliseconds * 1000), permitLimit, Guid.NewGuid().ToString("N")]);
            return waitMicroseconds == 0 ? Lease.Acquired : Lease.Rejected(TimeSpan.FromMicroseconds(waitMicroseconds));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Rate-limit store unreachable; request let through.");
            return Lease.Acquired;
        }
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public static readonly Lease Undecided = new(false, null);

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
