using Mediator;

namespace Chat9.Application.Bots.RotateIdentitySecret;

/// <summary>Creates or replaces the bot's identity secret; the previous one stays valid for the configured grace period.</summary>
public sealed record RotateIdentitySecretCommand(string PublicId) : ICommand<RotatedIdentitySecretDto>;

/// <summary>The plaintext secret appears here once.</summary>
public sealed record RotatedIdentitySecretDto(string BotPublicId, string IdentitySecret, DateTimeOffset? PreviousValidUntil);
