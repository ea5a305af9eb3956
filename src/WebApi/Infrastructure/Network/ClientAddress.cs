using System.Net;
using System.Net.Sockets;
using Chat9.Application.Common.Options;
using Microsoft.AspNetCore.HttpOverrides;

namespace Chat9.WebApi.Infrastructure.Network;

/// <summary>
/// The client IP of widget-api.md "Client IP and rate limits": the TCP peer, or — only when the peer is a configured
/// trusted proxy (<c>Network:TrustedProxies</c>) — the right-most <c>X-Forwarded-For</c> address that is not itself a
/// trusted proxy. ASP.NET Core's forwarded-headers middleware does exactly that walk once its default trust of loopback
/// is removed; a visitor's own <c>X-Forwarded-For</c> is ignored, so nobody chooses their own rate-limit bucket.
/// </summary>
public static class ClientAddress
{
    public static IServiceCollection AddClientAddress(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (configuration.GetSection(NetworkOptions.SectionName).Get<NetworkOptions>()?.TrustedProxies ?? []).Select(e => e.Trim()))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network) && entry.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var proxy))
            {
                proxies.Add(proxy);
            }
            else
            {
                // Fail at start-up, not on the first request: a typo here would silently trust nobody (or everybody).
                throw new InvalidOperationException($"Network:TrustedProxies: '{entry}' is neither an IP address nor a CIDR range.");
            }
        }

        services.AddSingleton(new TrustedProxies(proxies.Count + networks.Count > 0));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.ForwardLimit = null;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            networks.ForEach(options.KnownIPNetworks.Add);
            proxies.ForEach(options.KnownProxies.Add);
        });
        return services;
    }

    /// <summary>
    /// Reads <c>X-Forwarded-For</c> only when proxies are trusted at all. (The middleware treats empty trust lists as
    /// "trust every peer", so without configured proxies it must not run.)
    /// </summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<TrustedProxies>().Any ? app.UseForwardedHeaders() : app;

    /// <summary>
    /// The rate-limit bucket of a client: its IPv4 address, or the /64 prefix of its IPv6 address (one subscriber
    /// usually holds a whole /64, so single addresses would be free for the taking).
    /// </summary>
    public static string PartitionKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}

/// <summary>Whether <c>Network:TrustedProxies</c> names any proxy.</summary>
public sealed record TrustedProxies(bool Any);
