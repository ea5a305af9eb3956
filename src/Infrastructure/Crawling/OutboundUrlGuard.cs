using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// Checks a URL an operator hands in (a URL source, a webhook) before it is stored or used: a well-formed absolute
/// http/https URL without user info, at most 2,048 characters, whose host resolves only to addresses
/// <see cref="AddressPolicy"/> allows. Makes no request. The connection itself is vetted again
/// (<see cref="OutboundHttpClientFactory"/>), since DNS may answer differently by then.
/// </summary>
public sealed class OutboundUrlGuard(IOptions<NetworkOptions> networkOptions) : IOutboundUrlGuard
{
    public const int MaxUrlLength = 2_048;

    public const string InvalidUrl = "invalid_url";

    public const string UrlNotAllowed = "url_not_allowed";

    public async Task<OutboundUrlRejection?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length > MaxUrlLength)
        {
            return new OutboundUrlRejection(InvalidUrl, "The URL is longer than 2,048 characters.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0)
        {
            return new OutboundUrlRejection(InvalidUrl, "The URL must be an absolute http or https URL.");
        }

        if (parsed.UserInfo.Length > 0)
        {
            return new OutboundUrlRejection(InvalidUrl, "The URL must not contain a user name or password.");
        }

        // The message names no address: it would tell a caller which internal hosts exist.
        return await HostAddresses.VetAsync(parsed.IdnHost, networkOptions.Value, cancellationToken) switch
        {
            HostAddresses.Verdict.Unresolvable => new OutboundUrlRejection(UrlNotAllowed, $"The host {parsed.IdnHost} could not be resolved."),
            HostAddresses.Verdict.Blocked => new OutboundUrlRejection(UrlNotAllowed,
                $"The host {parsed.IdnHost} resolves to a loopback, private, link-local or reserved address, which outbound requests may not reach."),
            _ => null,
        };
    }
}
