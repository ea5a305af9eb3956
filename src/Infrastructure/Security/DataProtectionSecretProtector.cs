using Chat9.Application.Common.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace Chat9.Infrastructure.Security;

/// <summary>Encrypts identity and webhook secrets at rest with ASP.NET Core Data Protection (key ring in the data folder).</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Chat9.BotSecrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
