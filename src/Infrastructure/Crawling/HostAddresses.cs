using System.Net;
using System.Net.Sockets;
using Chat9.Application.Common.Options;

namespace Chat9.Infrastructure.Crawling;

/// <summary>The addresses a URL host stands for: an IP literal as written (no DNS query), else what DNS answers.</summary>
internal static class HostAddresses
{
    public enum Verdict
    {
        Allowed,
        Blocked,
        Unresolvable,
    }

    /// <param name="host">A host as <see cref="Uri.IdnHost"/> gives it (IPv6 without brackets); brackets are tolerated.</param>
    /// <exception cref="SocketException">The name could not be resolved.</exception>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(bare, cancellationToken);
    }

    /// <summary>
    /// <see cref="Verdict.Blocked"/> when any address of the host is banned: DNS may hand out the internal one on the
    /// next lookup, so a host that can resolve to a banned address is not a host to hand to the crawler or a webhook.
    /// </summary>
    public static async Task<Verdict> VetAsync(string host, NetworkOptions options, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return Verdict.Unresolvable;
        }

        return addresses.Length == 0 ? Verdict.Unresolvable
            : addresses.All(address => AddressPolicy.IsAllowed(address, options)) ? Verdict.Allowed
            : Verdict.Blocked;
    }
}
