using Chat9.Domain.ApiKeys.Events;
using Chat9.Domain.Common;

namespace Chat9.Domain.ApiKeys;

/// <summary>A credential for one bot's management API. Only the SHA-256 hash and the last four characters are stored.</summary>
public sealed class ApiKey : Entity, IAggregateRoot
{
    /// <summary><c>last_used_at</c> is written at most this often, so authentication does not write on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // For EF Core.
    private ApiKey() { }

    private ApiKey(Guid id, Guid botId, byte[] hash, string last4, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        Hash = hash;
        Last4 = last4;
        Status = ApiKeyStatus.Active;
        CreatedAt = now;
    }

    public Guid BotId { get; private set; }

    public byte[] Hash { get; private set; } = [];

    public string Last4 { get; private set; } = null!;

    public ApiKeyStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>When a <see cref="ApiKeyStatus.Revoking"/> key stops working.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Issues a new key. The plaintext is returned once and never stored.</summary>
    public static (ApiKey Key, string Plaintext) Issue(Guid botId, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        var plaintext = ApiKeySecret.New();
        var key = new ApiKey(Guid.CreateVersion7(now), botId, ApiKeySecret.Hash(plaintext), plaintext[^4..], now);
        key.Raise(new ApiKeyIssued(key.Id, botId));
        return (key, plaintext);
    }

    /// <summary>The status as of <paramref name="now"/>: a revoking key past its expiry counts as revoked.</summary>
    public ApiKeyStatus StatusAt(DateTimeOffset now) =>
        Status == ApiKeyStatus.Revoking && ExpiresAt <= now ? ApiKeyStatus.Revoked : Status;

    public bool IsUsableAt(DateTimeOffset now) => StatusAt(now) != ApiKeyStatus.Revoked;

    /// <summary>Records a successful use; returns whether anything changed (at most once per <see cref="LastUsedResolution"/>).</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (StatusAt(now) == ApiKeyStatus.Revoked)
        {
            // Settle a lapsed rotation into its final state; an explicit revoke is idempotent.
            if (Status != ApiKeyStatus.Revoked)
            {
                Status = ApiKeyStatus.Revoked;
                RevokedAt = ExpiresAt;
            }

            return;
        }

        Status = ApiKeyStatus.Revoked;
        RevokedAt = now;
        ExpiresAt = null;
        Raise(new ApiKeyRevoked(Id, BotId));
    }

    /// <summary>Starts the rotation grace period: the key keeps working until <paramref name="now"/> + <paramref name="grace"/>.</summary>
    public void StartRevoking(DateTimeOffset now, TimeSpan grace)
    {
        if (StatusAt(now) != ApiKeyStatus.Active)
        {
            throw new DomainException("key_not_active", "Only an active key can be rotated.");
        }

        Status = ApiKeyStatus.Revoking;
        ExpiresAt = now + grace;
        Raise(new ApiKeyRotationStarted(Id, BotId, ExpiresAt.Value));
    }
}
