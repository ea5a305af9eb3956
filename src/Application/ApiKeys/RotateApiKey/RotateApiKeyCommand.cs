using Chat9.Domain.ApiKeys;
using Mediator;

namespace Chat9.Application.ApiKeys.RotateApiKey;

/// <summary>
/// Issues a new key and retires an old one: <c>revoking</c> for the grace period, or revoked now with <see cref="Immediate"/>.
/// <see cref="KeyId"/> is required when the bot has several active keys.
/// </summary>
public sealed record RotateApiKeyCommand(string BotPublicId, Guid? KeyId, bool Immediate) : ICommand<RotatedApiKeyDto>;

public sealed record RotatedApiKeyDto(NewApiKeyDto NewKey, OldApiKeyDto OldKey);

public sealed record NewApiKeyDto(Guid Id, string ApiKey, string Last4);

public sealed record OldApiKeyDto(Guid Id, ApiKeyStatus Status, DateTimeOffset? ExpiresAt);
