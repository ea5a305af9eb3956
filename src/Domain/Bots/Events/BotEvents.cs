using Chat9.Domain.Common;

namespace Chat9.Domain.Bots.Events;

public sealed record BotCreated(Guid BotId, string PublicId) : DomainEvent;

public sealed record BotSettingsChanged(Guid BotId, IReadOnlyList<string> ChangedFields) : DomainEvent;

public sealed record BotDisabled(Guid BotId) : DomainEvent;

public sealed record BotEnabled(Guid BotId) : DomainEvent;

public sealed record IdentitySecretRotated(Guid BotId, DateTimeOffset? PreviousValidUntil) : DomainEvent;

public sealed record WebhookSecretRotated(Guid BotId, DateTimeOffset? PreviousValidUntil) : DomainEvent;
