using System.Text.Json;
using System.Text.Unicode;
using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Domain.Common;
using Chat9.Domain.Sessions;

namespace Chat9.Application.Widget.Common.Identity;

/// <summary>
/// Checks 4 and 5 of identity.md on the decoded payload of a token whose signature has already verified: UTF-8 JSON
/// whose root is an object with no duplicate keys (else <c>malformed</c>), then the claims' types and limits (else
/// <c>invalid_claims</c>). A structural fault anywhere in the payload wins over a bad claim, because check 4 comes first.
/// </summary>
internal static partial class IdentityPayload
{
    /// <summary>The claims are flat; unknown claims may nest, but no honest payload nests this deep.</summary>
    private const int MaxDepth = 32;

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <returns>The claims when both checks pass; otherwise <see langword="null"/> and the <paramref name="failure"/>.</returns>
    public static IdentityClaims? Read(ReadOnlySpan<byte> json, IdentityTokenRules rules, out IdentityFailureReason failure)
    {
        // Every early exit below is check 4 (malformed); only the end of the method reports check 5.
        failure = IdentityFailureReason.Malformed;
        if (!Utf8.IsValid(json))
        {
            return null;
        }

        var valid = true;
        string? userId = null, email = null, name = null, planTier = null, locale = null;
        long? expiresAt = null, issuedAt = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Names are compared unescaped: "user\u005fid" is a second "user_id".
                var claim = reader.GetString()!;
                if (!seen.Add(claim) || !reader.Read())
                {
                    return null;
                }

                valid &= claim switch
                {
                    "user_id" => ReadUserId(ref reader, rules.UserIdMaxChars, out userId),
                    "exp" => ReadUnixSeconds(ref reader, out expiresAt),
                    "iat" => ReadUnixSeconds(ref reader, out issuedAt),
                    "email" => ReadOptionalText(ref reader, rules.EmailMaxChars, Text.IsEmail, out email),
                    "name" => ReadOptionalText(ref reader, rules.NameMaxChars, static _ => true, out name),
                    "plan_tier" => ReadOptionalText(ref reader, rules.PlanTierMaxChars, static _ => true, out planTier),
                    "locale" => ReadOptionalText(ref reader, rules.LocaleMaxChars, IsLanguageTag, out locale),
                    _ => true,
                };

                // Unknown claims, and known claims of a container type, are skipped whole (a no-op for scalars).
                reader.Skip();
            }

            // Anything after the root object other than white space makes Read throw.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate ("\ud800"): not Unicode text.
            return null;
        }

        if (!valid || userId is null || expiresAt is not { } exp)
        {
            failure = IdentityFailureReason.InvalidClaims;
            return null;
        }

        return new IdentityClaims(new SessionUser(userId, email, name, planTier, locale), exp, issuedAt);
    }

    /// <summary>A string, non-empty after trimming, at most <paramref name="maxChars"/> code points; stored trimmed.</summary>
    private static bool ReadUserId(ref Utf8JsonReader reader, int maxChars, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var trimmed = reader.GetString()!.Trim();
        if (trimmed.Length == 0 || Text.CountChars(trimmed) > maxChars)
        {
            return false;
        }

        value = trimmed;
        return true;
    }

    /// <summary>
    /// An integer literal (no fraction, no exponent: <c>1777896300.0</c> and <c>1.7778963e9</c> are refused) within the
    /// range of <see cref="DateTimeOffset"/>. JSON <c>null</c> is absence (so a null <c>exp</c> counts as missing).
    /// </summary>
    private static bool ReadUnixSeconds(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number
            || !reader.TryGetInt64(out var seconds)
            || seconds < MinUnixSeconds
            || seconds > MaxUnixSeconds)
        {
            return false;
        }

        value = seconds;
        return true;
    }

    /// <summary>
    /// An optional string claim: JSON <c>null</c> or a blank string is absence; otherwise at most
    /// <paramref name="maxChars"/> code points after trimming and accepted by <paramref name="isValid"/>; stored trimmed.
    /// </summary>
    private static bool ReadOptionalText(ref Utf8JsonReader reader, int maxChars, Func<string, bool> isValid, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var trimmed = reader.GetString()!.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (Text.CountChars(trimmed) > maxChars || !isValid(trimmed))
        {
            return false;
        }

        value = trimmed;
        return true;
    }

    private static bool IsLanguageTag(string value) => LocaleTags.IsWellFormed(value, int.MaxValue);

}

/// <summary>The verified claims: the visitor plus the two times checks 6–8 need (Unix seconds).</summary>
internal sealed record IdentityClaims(SessionUser User, long ExpiresAt, long? IssuedAt);
