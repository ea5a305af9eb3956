namespace Chat9.Application.Common.Interfaces;

/// <summary>Encrypts secrets the server must read back in plaintext (identity and webhook secrets) for storage at rest.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);
}
