using Chat9.Application.Bots.Common;
using Chat9.Application.Bots.GetBot;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Bots.UpdateBotSettings;

public sealed class UpdateBotSettingsCommandHandler(
    IRepository<Bot> bots,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits,
    IOptions<RateLimitOptions> rateLimits) : ICommandHandler<UpdateBotSettingsCommand, BotDto>
{
    public async ValueTask<BotDto> Handle(UpdateBotSettingsCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByIdAsync(command.BotId, cancellationToken);
        var now = clock.GetUtcNow();
        var patch = command.Patch;

        if (patch.Name.IsSet)
        {
            bot.Rename(patch.Name.Value!, now);
        }

        if (patch.Greeting.IsSet)
        {
            bot.ChangeGreeting(patch.Greeting.Value, now);
        }

        if (patch.Instructions.IsSet)
        {
            bot.ChangeInstructions(patch.Instructions.Value, now);
        }

        if (patch.AccentColor.IsSet)
        {
            bot.ChangeAccentColor(patch.AccentColor.Value!, now);
        }

        if (patch.LinkSafetyEnabled.IsSet)
        {
            bot.ChangeLinkSafety(patch.LinkSafetyEnabled.Value!.Value, now);
        }

        if (patch.AllowedDomains.IsSet)
        {
            bot.ChangeAllowedDomains(patch.AllowedDomains.Value!, now);
        }

        if (patch.Escalation is { IsSet: true, Value: { } escalation })
        {
            var current = bot.Escalation;
            bot.ChangeEscalation(
                new EscalationSettings(
                    escalation.Enabled.IsSet ? escalation.Enabled.Value!.Value : current.Enabled,
                    escalation.SupportEmail.IsSet ? escalation.SupportEmail.Value?.Trim() : current.SupportEmail,
                    escalation.WebhookUrl.IsSet ? escalation.WebhookUrl.Value?.Trim() : current.WebhookUrl),
                now);
        }

        if (patch.Answering is { IsSet: true, Value: { } answering })
        {
            var current = bot.Answering;
            bot.ChangeAnswering(
                new AnsweringSettings(
                    answering.LowConfidenceThreshold.IsSet ? answering.LowConfidenceThreshold.Value : current.LowConfidenceThreshold,
                    answering.FaqMatchThreshold.IsSet ? answering.FaqMatchThreshold.Value : current.FaqMatchThreshold),
                now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return BotDto.From(bot, limits.Value, rateLimits.Value);
    }
}
