namespace Chat9.Infrastructure.UnitTests.Models;

/// <summary>A wall clock that moves only when told to; timers and timestamps stay real.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan time) => _now += time;
}
