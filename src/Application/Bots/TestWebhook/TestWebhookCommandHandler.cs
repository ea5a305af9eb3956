using Chat9.Application.Bots.Common;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Notifications.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.Bots.TestWebhook;

public sealed class TestWebhookCommandHandler(IReadRepository<Bot> bots, IWebhookSender sender, ISecretProtector protector, TimeProvider clock)
    : ICommandHandler<TestWebhookCommand, WebhookTestDto>
{
    public async ValueTask<WebhookTestDto> Handle(TestWebhookCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByIdAsync(command.BotId, cancellationToken);
        if (bot.Escalation.WebhookUrl is not { } url)
        {
            throw new ValidationException("escalation.webhook_url", "Set escalation.webhook_url (PATCH /bot) before testing it.");
        }

        var now = clock.GetUtcNow();
        var eventId = Guid.CreateVersion7(now);
        var body = WebhookEvents.Body(eventId, WebhookEvents.Ping, now, bot.PublicId, new { });
        var signature = WebhookSignature.Header(now, body, protector.UnprotectValid(bot.WebhookSecret, now));
        var attempt = await sender.SendAsync(new Uri(url), body, WebhookEvents.Ping, eventId, signature, cancellationToken);
        return new WebhookTestDto(attempt.Delivered, attempt.StatusCode, attempt.Error, (long)attempt.Duration.TotalMilliseconds);
    }
}
