namespace Chat9.Application.Widget.Common.Identity;

/// <summary>Why an identity token did not verify (identity.md "Verification"), in the order the checks run.</summary>
public enum IdentityFailureReason
{
    /// <summary>Check 1: the bot has no identity secret.</summary>
    NoSecret,

    /// <summary>Check 2 (shape) or check 4 (payload encoding, JSON, duplicate keys).</summary>
    Malformed,

    /// <summary>Check 3: no secret's HMAC matches the signature.</summary>
    BadSignature,

    /// <summary>Check 5: a claim is missing, of the wrong type or over its limit.</summary>
    InvalidClaims,

    /// <summary>Check 6: <c>now &gt; exp + skew</c>.</summary>
    Expired,

    /// <summary>Check 7: <c>iat &gt; now + skew</c>.</summary>
    NotYetValid,

    /// <summary>Check 8: the token lives longer than the maximum lifetime.</summary>
    LifetimeTooLong,
}

public static class IdentityFailureReasonExtensions
{
    /// <summary>The reason exactly as identity.md logs it (<c>no_secret</c>, <c>bad_signature</c>, …).</summary>
    public static string ToReasonCode(this IdentityFailureReason reason) => reason switch
    {
        IdentityFailureReason.NoSecret => "no_secret",
        IdentityFailureReason.Malformed => "malformed",
        IdentityFailureReason.BadSignature => "bad_signature",
        IdentityFailureReason.InvalidClaims => "invalid_claims",
        IdentityFailureReason.Expired => "expired",
        IdentityFailureReason.NotYetValid => "not_yet_valid",
        IdentityFailureReason.LifetimeTooLong => "lifetime_too_long",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown identity failure reason."),
    };
}
