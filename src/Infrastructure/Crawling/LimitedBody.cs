namespace Chat9.Infrastructure.Crawling;

/// <summary>Reads response bodies of outbound requests without ever holding more than a set number of bytes.</summary>
public static class LimitedBody
{
    /// <summary>
    /// The whole body, failing early on a declared <c>Content-Length</c> over the limit and otherwise as soon as the
    /// count passes it (a server may send no length, or a compressed body that expands far beyond it).
    /// </summary>
    /// <exception cref="ResponseTooLargeException">The body has more than <paramref name="maxBytes"/> bytes.</exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                throw new ResponseTooLargeException(maxBytes);
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }
}
