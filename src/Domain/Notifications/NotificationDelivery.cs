using Chat9.Domain.Common;

namespace Chat9.Domain.Notifications;

public enum NotificationChannel
{
    Webhook,
    Email,
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event to deliver on one channel (management-api.md "Webhook"): a stored row, so deliveries survive restarts.
/// It is attempted at once, then after each delay of the retry schedule, and marked failed when the schedule is spent.
/// The body is fixed at the first attempt, so every retry sends — and signs — the same bytes.
/// </summary>
public sealed class NotificationDelivery : Entity, IAggregateRoot
{
    public const int ErrorMaxChars = 500;

    // For EF Core.
    private NotificationDelivery() { }

    private NotificationDelivery(Guid id, Guid botId, Guid? ticketId, NotificationChannel channel, string eventType, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        TicketId = ticketId;
        Channel = channel;
        EventType = eventType;
        Status = DeliveryStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid BotId { get; private set; }

    public Guid? TicketId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary><c>ticket.created</c>, <c>ticket.updated</c>.</summary>
    public string EventType { get; private set; } = null!;

    /// <summary>The body as first sent (null until then); the event id inside it is this delivery's <see cref="Entity.Id"/>.</summary>
    public string? Payload { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastResponseStatus { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>When the next attempt is due; null once delivered or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static NotificationDelivery ForTicket(Guid botId, Guid ticketId, NotificationChannel channel, string eventType, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        Guard.NotDefault(ticketId, "ticket_id");
        return new NotificationDelivery(Guid.CreateVersion7(now), botId, ticketId, channel, Guard.NotBlank(eventType, "event"), now);
    }

    /// <summary>Fixes the body before the first attempt; later attempts resend it unchanged.</summary>
    public string FixPayload(string payload)
    {
        Payload ??= Guard.NotBlank(payload, "payload");
        return Payload;
    }

    /// <summary>Records one attempt: delivered, or failed and due again after the next delay of <paramref name="retryDelays"/>.</summary>
    public void RecordAttempt(bool delivered, int? responseStatus, string? error, DateTimeOffset now, IReadOnlyList<TimeSpan> retryDelays)
    {
        if (Status != DeliveryStatus.Pending)
        {
            throw new DomainException("delivery_finished", "This delivery is already finished.");
        }

        Attempts++;
        LastAttemptAt = now;
        LastResponseStatus = responseStatus;
        LastError = error is null ? null : Text.Truncate(error, ErrorMaxChars);
        if (delivered)
        {
            Status = DeliveryStatus.Delivered;
            NextAttemptAt = null;
        }
        else if (Attempts > retryDelays.Count)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = now + retryDelays[Attempts - 1];
        }
    }
}
