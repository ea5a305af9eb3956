using System.Threading.RateLimiting;
using Chat9.Infrastructure.RateLimiting;

namespace Chat9.FunctionalTests.RateLimiting;

/// <summary>"At most N in any sliding window", exactly, with the time until a slot frees.</summary>
public sealed class SlidingLogRateLimiterTests
{
    [Test]
    public void TheNPlusFirstRequestInAWindow_IsRejected_WithTheTimeUntilTheOldestLeaves()
    {
        var clock = new ManualClock();
        var limiter = new SlidingLogRateLimiter(3, TimeSpan.FromSeconds(60), clock);

        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.True);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.True);
        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.True);
        clock.Advance(TimeSpan.FromSeconds(5));
        using var rejected = limiter.AttemptAcquire();

        Assert.That(rejected.IsAcquired, Is.False);
        Assert.That(rejected.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter), Is.True);
        Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromSeconds(45)), "the first request (at 0 s) leaves the window at 60 s; now is 15 s");
    }

    [Test]
    public void ASlotFrees_ExactlyWhenTheOldestRequestLeavesTheWindow()
    {
        var clock = new ManualClock();
        var limiter = new SlidingLogRateLimiter(2, TimeSpan.FromSeconds(60), clock);
        limiter.AttemptAcquire();
        clock.Advance(TimeSpan.FromSeconds(30));
        limiter.AttemptAcquire();

        clock.Advance(TimeSpan.FromSeconds(29.9));
        var early = limiter.AttemptAcquire().IsAcquired;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var onTime = limiter.AttemptAcquire().IsAcquired;
        var third = limiter.AttemptAcquire().IsAcquired;

        Assert.That(early, Is.False);
        Assert.That(onTime, Is.True);
        Assert.That(third, Is.False, "the request at 30 s is still inside the window");
    }

    [Test]
    public void RejectedRequests_DoNotUseUpSlots()
    {
        var clock = new ManualClock();
        var limiter = new SlidingLogRateLimiter(1, TimeSpan.FromSeconds(10), clock);
        limiter.AttemptAcquire();
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            limiter.AttemptAcquire();
        }

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.That(limiter.AttemptAcquire().IsAcquired, Is.True);
    }

    [Test]
    public void IdleDuration_IsNullWhileRequestsAreInTheWindow()
    {
        var clock = new ManualClock();
        var limiter = new SlidingLogRateLimiter(5, TimeSpan.FromSeconds(10), clock);
        limiter.AttemptAcquire();

        clock.Advance(TimeSpan.FromSeconds(5));
        var busy = limiter.IdleDuration;
        clock.Advance(TimeSpan.FromSeconds(8));
        var idle = limiter.IdleDuration;

        Assert.That(busy, Is.Null);
        Assert.That(idle, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
