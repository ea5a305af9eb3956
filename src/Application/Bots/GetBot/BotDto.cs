using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;

namespace Chat9.Application.Bots.GetBot;

public sealed record BotDto(
    Guid Id,
    string PublicId,
    string Name,
    BotStatus Status,
    string? Greeting,
    string? Instructions,
    string AccentColor,
    bool LinkSafetyEnabled,
    IReadOnlyList<string> AllowedDomains,
    BotEscalationDto Escalation,
    BotAnsweringDto Answering,
    BotIdentityDto Identity,
    BotLimitsDto Limits,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BotDto From(Bot bot, LimitsOptions limits, RateLimitOptions rateLimits) => new(
        bot.Id,
        bot.PublicId,
        bot.Name,
        bot.Status,
        bot.Greeting,
        bot.Instructions,
        bot.AccentColor,
        bot.LinkSafetyEnabled,
        [.. bot.AllowedDomains],
        new BotEscalationDto(bot.Escalation.Enabled, bot.Escalation.SupportEmail, bot.Escalation.WebhookUrl),
        new BotAnsweringDto(bot.Answering.LowConfidenceThreshold, bot.Answering.FaqMatchThreshold),
        new BotIdentityDto(bot.IdentitySecret is not null, bot.IdentitySecret?.RotatedAt),
        new BotLimitsDto(
            limits.MaxKnowledgeItems,
            limits.MaxFileBytes,
            limits.MessageMaxChars,
            rateLimits.WidgetChatPerIpPerMinute,
            rateLimits.WidgetChatPerBotPerMinute,
            rateLimits.ChatPerKeyPerMinute),
        bot.CreatedAt,
        bot.UpdatedAt);
}

public sealed record BotEscalationDto(bool Enabled, string? SupportEmail, string? WebhookUrl);

public sealed record BotAnsweringDto(double? LowConfidenceThreshold, double? FaqMatchThreshold);

public sealed record BotIdentityDto(bool SecretConfigured, DateTimeOffset? RotatedAt);

public sealed record BotLimitsDto(
    int MaxKnowledgeItems,
    long MaxFileBytes,
    int MessageMaxChars,
    int WidgetChatPerIpPerMinute,
    int WidgetChatPerBotPerMinute,
    int ChatPerKeyPerMinute);
