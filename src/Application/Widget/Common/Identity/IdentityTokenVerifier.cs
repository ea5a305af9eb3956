using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Chat9.Domain.Sessions;

namespace Chat9.Application.Widget.Common.Identity;

/// <summary>
/// Verifies an identity token (identity.md "Verification"): checks 1–8 in the contract's order, stopping at the first
/// failure. Pure: no clock, no storage, no logging; the caller passes the secrets that currently verify and the time.
/// Never throws for any token: every bad input is a <see cref="IdentityFailureReason"/>. The token never appears in
/// the result.
/// </summary>
public static class IdentityTokenVerifier
{
    private const int SignatureHexChars = 64;
    private const int MacBytes = 32;

    private static readonly SearchValues<char> HexDigits =
        SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly SearchValues<char> UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly SearchValues<char> StandardAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    /// <param name="token">The token exactly as received (it is not trimmed: the MAC covers the segment as sent).</param>
    /// <param name="secrets">
    /// The plaintext identity secrets that verify right now: the current one first, then the previous one while it is
    /// inside its rotation grace (the caller decides). Empty (or only blank entries) means the bot has no secret.
    /// </param>
    /// <param name="now">The server time; compared exactly (sub-second precision included) with <c>exp</c> and <c>iat</c>.</param>
    /// <param name="rules">The limits (<see cref="IdentityTokenRules.From"/>); required.</param>
    public static IdentityVerification Verify(string? token, IReadOnlyList<string> secrets, DateTimeOffset now, IdentityTokenRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);

        // 1. The bot has an identity secret.
        var keys = UsableSecrets(secrets);
        if (keys.Count == 0)
        {
            return IdentityVerification.Failed(IdentityFailureReason.NoSecret);
        }

        // 2. Shape: length, exactly one '.', non-empty segment, 64 hex characters of signature.
        if (!TrySplit(token, rules.MaxTokenChars, out var segment, out var signature))
        {
            return IdentityVerification.Failed(IdentityFailureReason.Malformed);
        }

        // 3. HMAC-SHA256 over the segment as received, in constant time. Unsigned input never reaches the parser.
        if (!SignatureMatches(segment, signature, keys))
        {
            return IdentityVerification.Failed(IdentityFailureReason.BadSignature);
        }

        // 4. + 5. Base64(url) → UTF-8 JSON object without duplicate keys → typed claims within their limits.
        var json = DecodeSegment(segment);
        if (json is null)
        {
            return IdentityVerification.Failed(IdentityFailureReason.Malformed);
        }

        var claims = IdentityPayload.Read(json, rules, out var payloadFailure);
        if (claims is null)
        {
            return IdentityVerification.Failed(payloadFailure);
        }

        // 6. now ≤ exp + skew.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt);
        if (now - expiresAt > rules.ClockSkew)
        {
            return IdentityVerification.Failed(IdentityFailureReason.Expired);
        }

        // 7. iat ≤ now + skew.
        DateTimeOffset? issuedAt = claims.IssuedAt is { } iat ? DateTimeOffset.FromUnixTimeSeconds(iat) : null;
        if (issuedAt - now > rules.ClockSkew)
        {
            return IdentityVerification.Failed(IdentityFailureReason.NotYetValid);
        }

        // 8. exp − iat ≤ max lifetime; without iat, exp − now ≤ max lifetime + skew.
        var tooLong = issuedAt is { } issued
            ? expiresAt - issued > rules.MaxLifetime
            : expiresAt - now > rules.MaxLifetime + rules.ClockSkew;
        return tooLong
            ? IdentityVerification.Failed(IdentityFailureReason.LifetimeTooLong)
            : IdentityVerification.Success(claims.User);
    }

    /// <summary>Blank entries are skipped: an empty HMAC key would let anyone sign.</summary>
    private static List<string> UsableSecrets(IReadOnlyList<string>? secrets)
    {
        var keys = new List<string>(2);
        if (secrets is null)
        {
            return keys;
        }

        foreach (var secret in secrets)
        {
            if (!string.IsNullOrWhiteSpace(secret))
            {
                keys.Add(secret);
            }
        }

        return keys;
    }

    private static bool TrySplit(string? token, int maxChars, out string segment, out string signature)
    {
        segment = signature = string.Empty;
        if (token is null || token.Length > maxChars)
        {
            return false;
        }

        // Split at the first '.': a second one would sit in the signature, which must be 64 hex characters.
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var hex = token.AsSpan(dot + 1);
        if (dot <= 0 || hex.Length != SignatureHexChars || hex.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        segment = token[..dot];
        signature = token[(dot + 1)..];
        return true;
    }

    /// <summary>
    /// The key is the UTF-8 bytes of the secret string (the hex is not decoded); the message is the ASCII bytes of the
    /// segment. A segment with non-ASCII characters has no ASCII form, so no honest signer can have signed it.
    /// </summary>
    private static bool SignatureMatches(string segment, string signatureHex, List<string> secrets)
    {
        if (!Ascii.IsValid(segment))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[MacBytes];
        if (Convert.FromHexString(signatureHex, claimed, out _, out var written) != OperationStatus.Done
            || written != MacBytes)
        {
            return false;
        }

        var message = Encoding.ASCII.GetBytes(segment);
        Span<byte> computed = stackalloc byte[MacBytes];
        var matched = false;
        foreach (var secret in secrets)
        {
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message, computed);
            matched |= CryptographicOperations.FixedTimeEquals(computed, claimed);
        }

        return matched;
    }

    /// <summary>
    /// Exactly two spellings: Base64url without padding (<c>-</c>, <c>_</c>), or standard Base64 with its padding
    /// (<c>+</c>, <c>/</c>, <c>=</c>). The alphabets are checked here because <see cref="Convert"/> would skip white
    /// space; <see cref="Convert"/> then checks the length and the padding.
    /// </summary>
    private static byte[]? DecodeSegment(string segment)
    {
        string standard;
        if (!segment.AsSpan().ContainsAnyExcept(UrlAlphabet))
        {
            standard = segment.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (segment.Length % 4)) % 4);
        }
        else if (!segment.AsSpan().TrimEnd('=').ContainsAnyExcept(StandardAlphabet))
        {
            standard = segment;
        }
        else
        {
            return null;
        }

        var buffer = new byte[(standard.Length + 3) / 4 * 3];
        return Convert.TryFromBase64String(standard, buffer, out var bytes) ? buffer[..bytes] : null;
    }
}

