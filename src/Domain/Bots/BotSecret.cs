using System.Security.Cryptography;

namespace Chat9.Domain.Bots;

/// <summary>Identity and webhook secrets: 64 lowercase hex characters from a cryptographic random source.</summary>
public static class BotSecret
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
