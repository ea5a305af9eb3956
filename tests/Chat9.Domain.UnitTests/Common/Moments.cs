namespace Chat9.Domain.UnitTests.Common;

/// <summary>Fixed instants, so no test depends on the wall clock.</summary>
public static class Moments
{
    public static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
}
