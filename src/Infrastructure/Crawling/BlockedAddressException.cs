namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// A connection was refused because the host resolves only to addresses <see cref="AddressPolicy"/> bans. HttpClient
/// reports it as the inner exception of an <see cref="HttpRequestException"/>; see <see cref="IsCause"/>.
/// </summary>
public sealed class BlockedAddressException(string host)
    : Exception($"The host {host} resolves only to addresses outbound requests may not reach.")
{
    public string Host { get; } = host;

    /// <summary>Whether <paramref name="exception"/> or one of its inner exceptions is a <see cref="BlockedAddressException"/>.</summary>
    public static bool IsCause(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is BlockedAddressException)
            {
                return true;
            }
        }

        return false;
    }
}
