using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>Signs identity tokens the way identity.md's C# example does (a customer's backend), for widget tests.</summary>
public static class IdentityTokens
{
    public static string Sign(string secret, object payload) => SignSegment(secret, Segment(payload));

    public static string Segment(object payload) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string SignSegment(string secret, string segment) =>
        segment + "." + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(segment)));

    /// <summary>A token for <paramref name="userId"/> issued now and valid for five minutes, with extra claims.</summary>
    public static string For(string secret, string userId, string? email = null, string? name = null, string? planTier = null, string? locale = null, long? iatOffsetSeconds = 0, long expOffsetSeconds = 300)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object?> { ["user_id"] = userId, ["exp"] = now + expOffsetSeconds };
        if (iatOffsetSeconds is { } iat)
        {
            payload["iat"] = now + iat;
        }

        if (email is not null)
        {
            payload["email"] = email;
        }

        if (name is not null)
        {
            payload["name"] = name;
        }

        if (planTier is not null)
        {
            payload["plan_tier"] = planTier;
        }

        if (locale is not null)
        {
            payload["locale"] = locale;
        }

        return Sign(secret, payload);
    }
}
