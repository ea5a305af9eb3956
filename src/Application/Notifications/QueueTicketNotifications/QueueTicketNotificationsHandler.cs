using Chat9.Application.Common.Options;
using Chat9.Application.Notifications.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Notifications;
using Chat9.Domain.Tickets.Events;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Notifications.QueueTicketNotifications;

/// <summary>
/// A ticket opened or changed: delivery rows are added in the same transaction as the ticket, so an event can be
/// neither lost nor sent for a change that was never saved; the worker sends them. A webhook when the bot has a
/// <c>webhook_url</c> (created and updated); an e-mail for a new ticket when SMTP is configured and the bot has a
/// <c>support_email</c>.
/// </summary>
public sealed class QueueTicketNotificationsHandler(
    IReadRepository<Bot> bots, IRepository<NotificationDelivery> deliveries, TimeProvider clock, IOptions<SmtpOptions> smtp)
    : INotificationHandler<TicketOpened>, INotificationHandler<TicketUpdated>
{
    public async ValueTask Handle(TicketOpened notification, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(notification.BotId), cancellationToken);
        if (bot?.Escalation.WebhookUrl is not null)
        {
            deliveries.Add(NotificationDelivery.ForTicket(bot.Id, notification.TicketId, NotificationChannel.Webhook, WebhookEvents.TicketCreated, clock.GetUtcNow()));
        }

        if (bot?.Escalation.SupportEmail is not null && smtp.Value.IsConfigured)
        {
            deliveries.Add(NotificationDelivery.ForTicket(bot.Id, notification.TicketId, NotificationChannel.Email, WebhookEvents.TicketCreated, clock.GetUtcNow()));
        }
    }

    public async ValueTask Handle(TicketUpdated notification, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(notification.BotId), cancellationToken);
        if (bot?.Escalation.WebhookUrl is not null)
        {
            deliveries.Add(NotificationDelivery.ForTicket(bot.Id, notification.TicketId, NotificationChannel.Webhook, WebhookEvents.TicketUpdated, clock.GetUtcNow()));
        }
    }
}
