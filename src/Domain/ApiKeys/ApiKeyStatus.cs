namespace Chat9.Domain.ApiKeys;

public enum ApiKeyStatus
{
    Active,

    /// <summary>Replaced by a rotation; still accepted until the key's expiry.</summary>
    Revoking,
    Revoked,
}
