using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Notifications.Specifications;

/// <summary>The deliveries about one ticket, oldest first (for the ticket's <c>notifications</c>).</summary>
public sealed class DeliveriesOfTicketSpec : Specification<NotificationDelivery>
{
    public DeliveriesOfTicketSpec(Guid botId, Guid ticketId)
    {
        Where(d => d.BotId == botId && d.TicketId == ticketId);
        OrderByAscending(d => d.CreatedAt);
        NoTracking();
    }
}

/// <summary>Pending deliveries due at <paramref name="now"/>, the oldest due first, tracked (each attempt is recorded on its row).</summary>
public sealed class DueDeliveriesSpec : Specification<NotificationDelivery>
{
    public DueDeliveriesSpec(DateTimeOffset now, int take)
    {
        Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now);
        OrderByAscending(d => d.NextAttemptAt);
        Page(0, take);
    }
}
