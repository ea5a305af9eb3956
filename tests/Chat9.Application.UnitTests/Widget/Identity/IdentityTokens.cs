using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chat9.Application.Widget.Common.Identity;

namespace Chat9.Application.UnitTests.Widget.Identity;

/// <summary>
/// The worked example of identity.md and a test-only signer built the way its C# snippet signs, so tests can make
/// correctly signed tokens around any payload (and so reach the checks after the signature).
/// </summary>
internal static class IdentityTokens
{
    public const string ExampleSecret = "7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a";

    public const string ExampleSegment =
        "eyJ1c2VyX2lkIjoidV8xMDQyIiwiZW1haWwiOiJhbmFAZXhhbXBsZS5jb20iLCJuYW1lIjoiQW5hIExpbWEiLCJwbGFuX3RpZXIiOiJwcm8iLCJsb2NhbGUiOiJwdC1CUiIsImlhdCI6MTc3Nzg5NjAwMCwiZXhwIjoxNzc3ODk2MzAwfQ";

    public const string ExampleSignature = "3a2f3b31009fc5b55c0d9c4b912b58c8d712284b0f0452a65866ce177f13cdf1";

    public const string ExampleToken = ExampleSegment + "." + ExampleSignature;

    public const string ExamplePaddedToken =
        "eyJ1c2VyX2lkIjoidV8xMDQyIiwiZW1haWwiOiJhbmFAZXhhbXBsZS5jb20iLCJuYW1lIjoiQW5hIExpbWEiLCJwbGFuX3RpZXIiOiJwcm8iLCJsb2NhbGUiOiJwdC1CUiIsImlhdCI6MTc3Nzg5NjAwMCwiZXhwIjoxNzc3ODk2MzAwfQ==.60bc8e97e8a8b77a2278da359c7ef083e0798179774a806e3feff6b54ec46fc2";

    /// <summary>2026-05-04T12:00:00Z, the example's <c>iat</c>.</summary>
    public static readonly DateTimeOffset ExampleIssuedAt = DateTimeOffset.Parse("2026-05-04T12:00:00Z");

    public const long ExampleIat = 1777896000;
    public const long ExampleExp = 1777896300;

    /// <summary>The example payload, claims in the documented order.</summary>
    public static object ExamplePayload() => new
    {
        user_id = "u_1042",
        email = "ana@example.com",
        name = "Ana Lima",
        plan_tier = "pro",
        locale = "pt-BR",
        iat = ExampleIat,
        exp = ExampleExp,
    };

    public static IReadOnlyList<string> ExampleSecrets { get; } = [ExampleSecret];

    /// <summary>identity.md "Signing examples", C#.</summary>
    public static string Sign(string secret, object payload)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(payload);
        var segment = Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return SignSegment(secret, segment);
    }

    /// <summary>Signs raw JSON text (duplicate keys, odd numbers, anything), Base64url-encoded without padding.</summary>
    public static string SignJson(string json, string secret = ExampleSecret) => SignBytes(Encoding.UTF8.GetBytes(json), secret);

    public static string SignBytes(byte[] payload, string secret = ExampleSecret) => SignSegment(secret, Base64Url(payload));

    /// <summary>Signs a segment exactly as given (key = UTF-8 of the secret string, message = ASCII of the segment).</summary>
    public static string SignSegment(string secret, string segment) =>
        segment + "." + Convert.ToHexStringLower(Mac(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(segment)));

    public static byte[] Mac(byte[] key, byte[] message) => HMACSHA256.HashData(key, message);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static IdentityVerification Verify(string? token, DateTimeOffset now, IReadOnlyList<string>? secrets = null, IdentityTokenRules? rules = null) =>
        IdentityTokenVerifier.Verify(token, secrets ?? ExampleSecrets, now, rules ?? IdentityTokenRules.Default);
}
