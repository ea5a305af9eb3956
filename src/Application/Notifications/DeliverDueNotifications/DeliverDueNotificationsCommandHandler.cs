using System.Text.Json;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Json;
using Chat9.Application.Common.Options;
using Chat9.Application.Escalations.Common;
using Chat9.Application.Notifications.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Notifications;
using Chat9.Domain.Notifications.Specifications;
using Chat9.Domain.Tickets;
using Chat9.Domain.Tickets.Specifications;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Notifications.DeliverDueNotifications;

public sealed class DeliverDueNotificationsCommandHandler(
    IRepository<NotificationDelivery> deliveries,
    IReadRepository<Bot> bots,
    IReadRepository<Ticket> tickets,
    IDeliveryClaims claims,
    IWebhookSender sender,
    ISupportMailer mailer,
    ISecretProtector protector,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<DeliverDueNotificationsCommandHandler> logger)
    : ICommandHandler<DeliverDueNotificationsCommand, int>
{
    public async ValueTask<int> Handle(DeliverDueNotificationsCommand command, CancellationToken cancellationToken)
    {
        var webhooks = options.Value;
        var timeout = TimeSpan.FromSeconds(webhooks.TimeoutSeconds);
        var due = await deliveries.ListAsync(new DueDeliveriesSpec(clock.GetUtcNow(), command.MaxDeliveries), cancellationToken);
        var attempted = 0;
        foreach (var delivery in due)
        {
            // Claimed past the request timeout: a worker that dies mid-attempt leaves the delivery due again.
            if (delivery.NextAttemptAt is not { } dueAt
                || !await claims.TryClaimAsync(delivery.Id, dueAt, clock.GetUtcNow() + timeout + timeout, cancellationToken))
            {
                continue;
            }

            await AttemptAsync(delivery, webhooks, cancellationToken);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
            attempted++;
        }

        return attempted;
    }

    private async Task AttemptAsync(NotificationDelivery delivery, WebhookOptions webhooks, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(delivery.BotId), cancellationToken);
        var ticket = delivery.TicketId is { } ticketId
            ? await tickets.FirstOrDefaultAsync(new TicketByIdSpec(delivery.BotId, ticketId), cancellationToken)
            : null;
        if (bot is null || ticket is null)
        {
            delivery.RecordAttempt(false, null, "The ticket no longer exists.", clock.GetUtcNow(), webhooks.EffectiveRetrySchedule);
            return;
        }

        if (delivery.Channel == NotificationChannel.Email)
        {
            await MailAsync(delivery, bot, ticket, webhooks, cancellationToken);
            return;
        }

        if (bot.Escalation.WebhookUrl is not { } url)
        {
            delivery.RecordAttempt(false, null, "The bot has no webhook_url.", clock.GetUtcNow(), webhooks.EffectiveRetrySchedule);
            return;
        }

        var body = delivery.FixPayload(WebhookEvents.Body(delivery.Id, delivery.EventType, clock.GetUtcNow(), bot.PublicId, TicketDto.From(ticket)));
        var signature = WebhookSignature.Header(clock.GetUtcNow(), body, protector.UnprotectValid(bot.WebhookSecret, clock.GetUtcNow()));
        var attempt = await sender.SendAsync(new Uri(url), body, delivery.EventType, delivery.Id, signature, cancellationToken);
        delivery.RecordAttempt(attempt.Delivered, attempt.StatusCode, attempt.Error, clock.GetUtcNow(), webhooks.EffectiveRetrySchedule);
        if (!attempt.Delivered)
        {
            logger.LogInformation(
                "Webhook {EventType} for ticket {TicketNumber} not delivered (attempt {Attempt}): {Error}",
                delivery.EventType, ticket.TicketNumber, delivery.Attempts, attempt.Error ?? attempt.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task MailAsync(NotificationDelivery delivery, Bot bot, Ticket ticket, WebhookOptions webhooks, CancellationToken cancellationToken)
    {
        if (bot.Escalation.SupportEmail is not { } inbox)
        {
            delivery.RecordAttempt(false, null, "The bot has no support_email.", clock.GetUtcNow(), webhooks.EffectiveRetrySchedule);
            return;
        }

        // The message is fixed at the first attempt, like a webhook body: a retry sends what the first one tried.
        var payload = delivery.FixPayload(JsonSerializer.Serialize(TicketEmails.Compose(ticket, bot.Name, inbox), Chat9Json.Options));
        var mail = JsonSerializer.Deserialize<SupportMail>(payload, Chat9Json.Options)!;
        var attempt = await mailer.SendAsync(mail, cancellationToken);
        delivery.RecordAttempt(attempt.Delivered, attempt.StatusCode, attempt.Error, clock.GetUtcNow(), webhooks.EffectiveRetrySchedule);
        if (!attempt.Delivered)
        {
            logger.LogInformation("E-mail for ticket {TicketNumber} not sent (attempt {Attempt}): {Error}", ticket.TicketNumber, delivery.Attempts, attempt.Error);
        }
    }
}
