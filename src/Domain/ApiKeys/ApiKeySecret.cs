using System.Security.Cryptography;
using System.Text;

namespace Chat9.Domain.ApiKeys;

/// <summary>The plaintext form of an API key (<c>ck_</c> + 43 URL-safe Base64 characters of 32 random bytes) and its stored hash.</summary>
public static class ApiKeySecret
{
    public const string Prefix = "ck_";
    public const int Length = 46;
    public const int HashBytes = 32;

    public static string New() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static bool LooksLikeKey(string? value) =>
        value is { Length: Length } && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>SHA-256 of the full key's UTF-8 bytes; the only form of the key the server keeps.</summary>
    public static byte[] Hash(string plaintext) => SHA256.HashData(Encoding.UTF8.GetBytes(plaintext));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
