using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Chat9.WebApi.Infrastructure.StaticAssets;

/// <summary>
/// A file served from memory, compressed once with Brotli and gzip. Each encoding has its own strong <c>ETag</c>
/// (a strong validator names exact bytes), all derived from the content hash, so <c>If-None-Match</c> with any of them
/// answers <c>304</c> while the content is unchanged.
/// </summary>
public sealed class CompressedAsset
{
    private readonly byte[] _identity;
    private readonly byte[] _gzip;
    private readonly byte[] _brotli;
    private readonly string _hash;

    public CompressedAsset(byte[] content, string contentType)
    {
        _identity = content;
        ContentType = contentType;
        _hash = Convert.ToHexStringLower(SHA256.HashData(content))[..32];
        _gzip = Compress(content, s => new GZipStream(s, CompressionLevel.SmallestSize));
        _brotli = Compress(content, s => new BrotliStream(s, CompressionLevel.SmallestSize));
    }

    public string ContentType { get; }

    public int Length => _identity.Length;

    public int GzipLength => _gzip.Length;

    public int BrotliLength => _brotli.Length;

    public async Task ServeAsync(HttpContext context, string cacheControl)
    {
        var (encoding, body, etag) = Choose(context.Request);
        var response = context.Response;
        response.Headers.CacheControl = cacheControl;
        response.Headers.ETag = etag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        if (IsFresh(context.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = ContentType;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private (string? Encoding, byte[] Body, string ETag) Choose(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string coding) => accepted.Any(a =>
            a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

        if (Accepts("br"))
        {
            return ("br", _brotli, $"\"{_hash}-br\"");
        }

        return Accepts("gzip") ? ("gzip", _gzip, $"\"{_hash}-gz\"") : (null, _identity, $"\"{_hash}\"");
    }

    private bool IsFresh(HttpRequest request)
    {
        var tags = request.GetTypedHeaders().IfNoneMatch;
        return tags.Any(t => t.Tag.Value is { } tag && (tag == "*" || tag.Trim('"').Split('-')[0] == _hash));
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(content);
        }

        return output.ToArray();
    }
}
