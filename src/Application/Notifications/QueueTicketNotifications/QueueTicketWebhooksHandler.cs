using Chat9.Application.Notifications.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Notifications;
using Chat9.Domain.Tickets.Events;
using Mediator;

namespace Chat9.Application.Notifications.QueueTicketNotifications;

/// <summary>
/// A ticket opened or changed: when the bot has a <c>webhook_url</c>, a delivery row is added in the same transaction as
/// the ticket, so the event can be neither lost nor sent for a ticket that was never saved. The worker sends it.
/// </summary>
public sealed class QueueTicketWebhooksHandler(IReadRepository<Bot> bots, IRepository<NotificationDelivery> deliveries, TimeProvider clock)
    : INotificationHandler<TicketOpened>, INotificationHandler<TicketUpdated>
{
    public ValueTask Handle(TicketOpened notification, CancellationToken cancellationToken) =>
        QueueAsync(notification.BotId, notification.TicketId, WebhookEvents.TicketCreated, cancellationToken);

    public ValueTask Handle(TicketUpdated notification, CancellationToken cancellationToken) =>
        QueueAsync(notification.BotId, notification.TicketId, WebhookEvents.TicketUpdated, cancellationToken);

    private async ValueTask QueueAsync(Guid botId, Guid ticketId, string eventType, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(botId), cancellationToken);
        if (bot?.Escalation.WebhookUrl is null)
        {
            return;
        }

        deliveries.Add(NotificationDelivery.ForTicket(botId, ticketId, NotificationChannel.Webhook, eventType, clock.GetUtcNow()));
    }
}
