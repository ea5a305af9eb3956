using Mediator;

namespace Chat9.Application.Bots.CreateBot;

/// <summary>Creates a bot with its first API key and its webhook secret (admin CLI <c>bots create</c>).</summary>
public sealed record CreateBotCommand(string Name, IReadOnlyList<string> AllowedDomains) : ICommand<CreatedBotDto>;

/// <summary>The plaintext key and secret appear here once and are never stored.</summary>
public sealed record CreatedBotDto(
    Guid Id,
    string PublicId,
    string Name,
    Domain.Bots.BotStatus Status,
    string ApiKey,
    Guid ApiKeyId,
    string WebhookSecret,
    DateTimeOffset CreatedAt);
