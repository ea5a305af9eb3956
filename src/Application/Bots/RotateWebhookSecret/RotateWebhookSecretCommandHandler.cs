using Chat9.Application.Bots.Common;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Bots.RotateWebhookSecret;

public sealed class RotateWebhookSecretCommandHandler(
    IRepository<Bot> bots,
    ISecretProtector secretProtector,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits) : ICommandHandler<RotateWebhookSecretCommand, RotatedWebhookSecretDto>
{
    public async ValueTask<RotatedWebhookSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByPublicIdAsync(command.PublicId, cancellationToken);
        var secret = BotSecret.New();
        bot.RotateWebhookSecret(secretProtector.Protect(secret), clock.GetUtcNow(), TimeSpan.FromHours(limits.Value.WebhookSecretGraceHours));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RotatedWebhookSecretDto(bot.PublicId, secret, bot.WebhookSecret!.PreviousValidUntil);
    }
}
