using Chat9.Domain.Common;

namespace Chat9.Domain.ApiKeys.Events;

public sealed record ApiKeyIssued(Guid ApiKeyId, Guid BotId) : DomainEvent;

public sealed record ApiKeyRevoked(Guid ApiKeyId, Guid BotId) : DomainEvent;

public sealed record ApiKeyRotationStarted(Guid ApiKeyId, Guid BotId, DateTimeOffset ExpiresAt) : DomainEvent;
