using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>
/// A deliberately minimal HTTP/1.1 client over a plain socket, so SSE responses can be checked byte for byte:
/// the status line, every header as sent, and the body exactly as the server framed it (chunked encoding removed).
/// </summary>
public static class RawHttp
{
    public static async Task<RawHttpResponse> SendAsync(
        Uri baseAddress, string method, string pathAndQuery, string? jsonBody = null, IEnumerable<(string Name, string Value)>? headers = null,
        TimeSpan? timeout = null)
    {
        var body = jsonBody is null ? [] : Encoding.UTF8.GetBytes(jsonBody);
        var request = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {pathAndQuery} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {baseAddress.Authority}\r\n")
            .Append("Connection: close\r\n");
        if (jsonBody is not null)
        {
            request.Append("Content-Type: application/json\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        request.Append("\r\n");
        return await SendBytesAsync(baseAddress, [.. Encoding.ASCII.GetBytes(request.ToString()), .. body], timeout);
    }

    /// <summary>
    /// Sends <paramref name="request"/> byte for byte (request line, headers and body exactly as given, so it may be
    /// anything no HTTP client would send) and reads the answer until the server closes the connection. A server that
    /// answers before reading the whole request may close while it is still being written; its answer is read all the same.
    /// </summary>
    /// <param name="halfClose">Shut the sending side after the request, so the server sees the end of the stream (a body shorter than its Content-Length).</param>
    public static async Task<RawHttpResponse> SendBytesAsync(Uri baseAddress, byte[] request, TimeSpan? timeout = null, bool halfClose = false)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, cts.Token);
        await using var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cts.Token);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
            // The server answered early and closed its side; the answer is still in the socket.
        }

        using var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer, cts.Token);
        }
        catch (IOException) when (buffer.Length > 0 || halfClose)
        {
            // A reset after the answer arrived, or (after a half-close) instead of one: read as no answer.
        }

        return Parse(buffer.ToArray());
    }

    /// <summary>Status 0 with no headers and no body: the server closed the connection without answering.</summary>
    private static RawHttpResponse Parse(byte[] raw)
    {
        if (raw.Length == 0)
        {
            return new RawHttpResponse(0, [], string.Empty);
        }

        var headerEnd = IndexOf(raw, "\r\n\r\n"u8.ToArray());
        var head = Encoding.ASCII.GetString(raw, 0, headerEnd).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(line => line.Split(':', 2)).Select(p => (p[0].Trim(), p[1].Trim())).ToList();
        var body = raw.AsSpan(headerEnd + 4).ToArray();
        if (headers.Any(h => h.Item1.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Item2.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Dechunk(body);
        }

        return new RawHttpResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = IndexOf(body.AsSpan(position).ToArray(), "\r\n"u8.ToArray()) + position;
            var size = int.Parse(Encoding.ASCII.GetString(body, position, lineEnd - position).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                break;
            }

            output.Write(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }

        return output.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

public sealed record RawHttpResponse(int StatusCode, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
