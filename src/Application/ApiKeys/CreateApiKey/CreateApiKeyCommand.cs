using Chat9.Domain.ApiKeys;
using Mediator;

namespace Chat9.Application.ApiKeys.CreateApiKey;

public sealed record CreateApiKeyCommand(string BotPublicId) : ICommand<CreatedApiKeyDto>;

/// <summary>The plaintext key appears here once.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string BotPublicId, string ApiKey, string Last4, ApiKeyStatus Status, DateTimeOffset CreatedAt);
