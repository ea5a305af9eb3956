namespace Chat9.Infrastructure.Crawling;

/// <summary>What became of one GET, redirects followed.</summary>
internal abstract record FetchResult;

/// <summary>
/// The final response. <see cref="Body"/> is read only for a 2xx response whose media type the caller asked for;
/// <see cref="FinalUrl"/> is where the redirects led (normalized).
/// </summary>
internal sealed record FetchedResponse(Uri FinalUrl, int StatusCode, string? MediaType, byte[]? Body) : FetchResult
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

/// <summary>No usable response; <see cref="Reason"/> is a crawl failure reason such as <c>timeout</c> or <c>too_large</c>.</summary>
internal sealed record FetchFailure(string Reason) : FetchResult;
