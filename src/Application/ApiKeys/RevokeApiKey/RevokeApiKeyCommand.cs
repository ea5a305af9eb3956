using Chat9.Domain.ApiKeys;
using Mediator;

namespace Chat9.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes a key at once. Refuses the bot's last usable key unless <see cref="Force"/> is set.</summary>
public sealed record RevokeApiKeyCommand(Guid KeyId, bool Force) : ICommand<RevokedApiKeyDto>;

public sealed record RevokedApiKeyDto(Guid Id, ApiKeyStatus Status, DateTimeOffset? RevokedAt);
