namespace Chat9.Infrastructure.Idempotency;

/// <summary>One remembered <c>Idempotency-Key</c> of a bot and endpoint (a technical record, not part of the domain).</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }

    public Guid BotId { get; set; }

    public string Endpoint { get; set; } = null!;

    public string Key { get; set; } = null!;

    public string RequestHash { get; set; } = null!;

    public IdempotencyState State { get; set; }

    public string? Response { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? UserMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
}

public enum IdempotencyState
{
    InFlight,
    Succeeded,
    Failed,
}
