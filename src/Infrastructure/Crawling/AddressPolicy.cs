using System.Net;
using System.Net.Sockets;
using Chat9.Application.Common.Options;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// Decides which IP addresses outbound requests (crawler, webhooks) may connect to (management-api.md, SSRF protection).
/// <c>Network:AllowLoopback</c> lifts the loopback ban; <c>Network:AllowPrivateNetworks</c> lifts RFC 1918, <c>fc00::/7</c>
/// and CGNAT. Link-local (cloud metadata lives there), unspecified, multicast, broadcast and reserved ranges stay banned
/// whatever the configuration: no self-hosted documentation site lives on them.
/// </summary>
public static class AddressPolicy
{
    private enum Category
    {
        Loopback,
        Private,
        Forbidden,
    }

    private static readonly (IPNetwork Network, Category Category)[] Ipv4Ranges =
    [
        (IPNetwork.Parse("127.0.0.0/8"), Category.Loopback),
        (IPNetwork.Parse("10.0.0.0/8"), Category.Private),
        (IPNetwork.Parse("172.16.0.0/12"), Category.Private),
        (IPNetwork.Parse("192.168.0.0/16"), Category.Private),
        (IPNetwork.Parse("100.64.0.0/10"), Category.Private), // CGNAT, also used by overlay networks such as Tailscale
        (IPNetwork.Parse("0.0.0.0/8"), Category.Forbidden), // "this network", includes the unspecified address
        (IPNetwork.Parse("169.254.0.0/16"), Category.Forbidden), // link-local, includes 169.254.169.254 (cloud metadata)
        (IPNetwork.Parse("192.0.0.0/24"), Category.Forbidden), // IETF protocol assignments
        (IPNetwork.Parse("192.0.2.0/24"), Category.Forbidden), // TEST-NET-1
        (IPNetwork.Parse("192.88.99.0/24"), Category.Forbidden), // deprecated 6to4 relay anycast
        (IPNetwork.Parse("198.18.0.0/15"), Category.Forbidden), // benchmarking
        (IPNetwork.Parse("198.51.100.0/24"), Category.Forbidden), // TEST-NET-2
        (IPNetwork.Parse("203.0.113.0/24"), Category.Forbidden), // TEST-NET-3
        (IPNetwork.Parse("224.0.0.0/4"), Category.Forbidden), // multicast
        (IPNetwork.Parse("240.0.0.0/4"), Category.Forbidden), // reserved, includes the 255.255.255.255 broadcast
    ];

    // IPv6 is judged by allow-list: only global unicast (2000::/3) is reachable, minus its special-purpose blocks.
    // Everything else (::, ::/8, fe80::/10, fec0::/10, ff00::/8, 100::/64 …) is forbidden unless listed here.
    private static readonly (IPNetwork Network, Category Category)[] Ipv6Ranges =
    [
        (IPNetwork.Parse("::1/128"), Category.Loopback),
        (IPNetwork.Parse("fc00::/7"), Category.Private),
        (IPNetwork.Parse("2001::/23"), Category.Forbidden), // IETF protocol assignments, includes Teredo
        (IPNetwork.Parse("2001:db8::/32"), Category.Forbidden), // documentation
        (IPNetwork.Parse("3fff::/20"), Category.Forbidden), // documentation
    ];

    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static bool IsAllowed(IPAddress address, NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);

        var embedded = EmbeddedIpv4(address);
        if (embedded is not null)
        {
            return IsAllowed(embedded, options);
        }

        var category = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => Classify(address, Ipv4Ranges),
            AddressFamily.InterNetworkV6 => Classify(address, Ipv6Ranges) ?? (GlobalUnicast.Contains(address) ? null : Category.Forbidden),
            _ => Category.Forbidden,
        };

        return category switch
        {
            null => true,
            Category.Loopback => options.AllowLoopback,
            Category.Private => options.AllowPrivateNetworks,
            _ => false,
        };
    }

    private static Category? Classify(IPAddress address, (IPNetwork Network, Category Category)[] ranges)
    {
        foreach (var (network, category) in ranges)
        {
            if (network.Contains(address))
            {
                return category;
            }
        }

        return null;
    }

    /// <summary>
    /// The IPv4 address an IPv6 address stands for, when packets to it end up at that IPv4 host: IPv4-mapped
    /// (<c>::ffff:127.0.0.1</c>), NAT64 (<c>64:ff9b::a00:1</c>) and 6to4 (<c>2002:0a00:0001::</c>). Judging the
    /// IPv6 form alone would let <c>::ffff:10.0.0.1</c> through as "not private".
    /// </summary>
    private static IPAddress? EmbeddedIpv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }
}
