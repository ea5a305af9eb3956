using Mediator;

namespace Chat9.Application.ApiKeys.AuthenticateApiKey;

/// <summary>
/// Resolves a presented API key to its bot. Returns <c>null</c> for a missing, malformed, unknown or revoked key alike,
/// so callers cannot tell the cases apart. A command because it records the key's last use.
/// </summary>
public sealed record AuthenticateApiKeyCommand(string? PresentedKey) : ICommand<ApiKeyPrincipal?>;

public sealed record ApiKeyPrincipal(Guid BotId, string BotPublicId, Guid ApiKeyId, bool BotActive);
