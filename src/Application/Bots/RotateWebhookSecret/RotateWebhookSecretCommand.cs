using Mediator;

namespace Chat9.Application.Bots.RotateWebhookSecret;

/// <summary>Creates or replaces the bot's webhook secret; the previous one stays valid for the configured grace period.</summary>
public sealed record RotateWebhookSecretCommand(string PublicId) : ICommand<RotatedWebhookSecretDto>;

/// <summary>The plaintext secret appears here once.</summary>
public sealed record RotatedWebhookSecretDto(string BotPublicId, string WebhookSecret, DateTimeOffset? PreviousValidUntil);
