using Chat9.Application.Common.Models;
using Chat9.Domain.ApiKeys;
using Mediator;

namespace Chat9.Application.ApiKeys.ListApiKeys;

/// <summary>A bot's keys, oldest first. Never includes plaintext.</summary>
public sealed record ListApiKeysQuery(string BotPublicId) : IQuery<ItemList<ApiKeyDto>>;

public sealed record ApiKeyDto(
    Guid Id,
    string Last4,
    ApiKeyStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    public static ApiKeyDto From(ApiKey key, DateTimeOffset now)
    {
        var status = key.StatusAt(now);
        return new ApiKeyDto(
            key.Id,
            key.Last4,
            status,
            key.CreatedAt,
            key.LastUsedAt,
            key.ExpiresAt,
            key.RevokedAt ?? (status == ApiKeyStatus.Revoked ? key.ExpiresAt : null));
    }
}
