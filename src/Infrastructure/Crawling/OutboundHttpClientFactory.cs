using System.Net;
using System.Net.Sockets;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// HttpClients for requests to addresses that operators choose (crawled sites, webhooks). The connection step resolves
/// the host once, drops every address <see cref="AddressPolicy"/> bans and connects to an allowed one, so the address
/// that was checked is the address that is used: a DNS answer that changes between check and connect (DNS rebinding)
/// gains nothing. A host with no allowed address fails with <see cref="BlockedAddressException"/> before any byte is sent.
/// </summary>
/// <remarks>
/// The clients never follow redirects (a caller re-checks every hop against its own rules), use no proxy (the proxy,
/// not the target, would be vetted) and have no overall timeout: callers cancel each request with their own token, and
/// read bodies with <see cref="LimitedBody"/>.
/// </remarks>
public sealed class OutboundHttpClientFactory(IOptions<NetworkOptions> networkOptions)
{
    /// <summary>A new client; the caller owns and disposes it (it holds its own connection pool).</summary>
    public HttpClient CreateClient(string userAgent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAgent);
        var network = networkOptions.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            // A long-lived client (webhooks) thus resolves, and vets, its hosts again from time to time.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, network, cancellationToken),
        };

        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (!client.DefaultRequestHeaders.UserAgent.TryParseAdd(userAgent))
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return client;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, NetworkOptions network, CancellationToken cancellationToken)
    {
        var allowed = (await HostAddresses.ResolveAsync(endPoint.Host, cancellationToken))
            .Where(address => AddressPolicy.IsAllowed(address, network))
            .Select(address => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            .ToList();
        if (allowed.Count == 0)
        {
            throw new BlockedAddressException(endPoint.Host);
        }

        // Like the default connect step, fall back to the next address (e.g. IPv4 after a refused IPv6), but only
        // among the allowed ones.
        SocketException? lastFailure = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                lastFailure = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastFailure!;
    }
}
