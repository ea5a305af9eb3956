namespace Chat9.Domain.Bots;

/// <summary>
/// A secret the server needs in plaintext to compute HMACs (identity tokens, webhook signatures).
/// Values are stored protected (encrypted at rest); after a rotation the previous value stays valid for a grace period.
/// </summary>
public sealed class RotatingSecret
{
    // For EF Core.
    private RotatingSecret() { }

    public RotatingSecret(string protectedCurrent, string? protectedPrevious, DateTimeOffset? previousValidUntil, DateTimeOffset rotatedAt)
    {
        ProtectedCurrent = protectedCurrent;
        ProtectedPrevious = protectedPrevious;
        PreviousValidUntil = previousValidUntil;
        RotatedAt = rotatedAt;
    }

    public string ProtectedCurrent { get; private set; } = null!;

    public string? ProtectedPrevious { get; private set; }

    public DateTimeOffset? PreviousValidUntil { get; private set; }

    public DateTimeOffset RotatedAt { get; private set; }

    /// <summary>The protected previous value while it is still inside its grace period.</summary>
    public string? ActivePrevious(DateTimeOffset now) =>
        ProtectedPrevious is not null && PreviousValidUntil is { } until && now < until ? ProtectedPrevious : null;

    public static RotatingSecret First(string protectedValue, DateTimeOffset now) => new(protectedValue, null, null, now);

    public RotatingSecret Rotate(string protectedNewValue, DateTimeOffset now, TimeSpan grace) =>
        new(protectedNewValue, ProtectedCurrent, now + grace, now);

    /// <summary>The first secret when there is none yet, otherwise a rotation of <paramref name="current"/>.</summary>
    public static RotatingSecret Next(RotatingSecret? current, string protectedNewValue, DateTimeOffset now, TimeSpan grace) =>
        current is null ? First(protectedNewValue, now) : current.Rotate(protectedNewValue, now, grace);
}
