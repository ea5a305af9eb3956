namespace Chat9.Application.Common.Interfaces;

/// <summary>Encrypts secrets the server must read back in plaintext (identity and webhook secrets) for storage at rest.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);
}

public static class SecretProtectorExtensions
{
    /// <summary>
    /// The plaintext values of a rotating secret that verify or sign now: the current one first, then the previous one
    /// while it is inside its grace period. None when there is no secret.
    /// </summary>
    public static IReadOnlyList<string> UnprotectValid(this ISecretProtector protector, Domain.Bots.RotatingSecret? secret, DateTimeOffset now)
    {
        if (secret is null)
        {
            return [];
        }

        List<string> plaintext = [protector.Unprotect(secret.ProtectedCurrent)];
        if (secret.ActivePrevious(now) is { } previous)
        {
            plaintext.Add(protector.Unprotect(previous));
        }

        return plaintext;
    }
}
