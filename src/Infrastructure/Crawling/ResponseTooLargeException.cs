namespace Chat9.Infrastructure.Crawling;

/// <summary>A response body is larger than the caller's limit; nothing beyond the limit was read.</summary>
public sealed class ResponseTooLargeException(long maxBytes)
    : Exception($"The response body is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
