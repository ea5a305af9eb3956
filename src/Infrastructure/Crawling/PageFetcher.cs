using Chat9.Application.Common.Options;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// One crawl GET: paced by Crawl-delay, each hop under its own timeout, redirects followed by hand so every hop is
/// checked by the caller before it is requested, bodies read up to the page size limit. Network errors, timeouts,
/// limits and refused redirects become a <see cref="FetchFailure"/>, any status a <see cref="FetchedResponse"/>;
/// only cancellation through the caller's token throws.
/// </summary>
internal sealed class PageFetcher(HttpClient client, RequestPacer pacer, TimeProvider timeProvider, CrawlerOptions options)
{
    /// <param name="redirectRejection">Why the crawl may not follow a redirect to this (normalized) URL, or <c>null</c>.</param>
    /// <param name="wantsBody">Whether to read the body of a 2xx response with this media type.</param>
    public async Task<FetchResult> FetchAsync(
        Uri url,
        Func<Uri, string?> redirectRejection,
        Func<string?, bool> wantsBody,
        CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            await pacer.WaitTurnAsync(cancellationToken);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.RequestTimeoutSeconds), timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return new FetchFailure(CrawlFailureReasons.HttpStatus(status));
                    }

                    if (redirects == options.MaxRedirects)
                    {
                        return new FetchFailure(CrawlFailureReasons.TooManyRedirects);
                    }

                    if (!Uri.TryCreate(current, location, out var target) || UrlNormalizer.Normalize(target) is not { } next)
                    {
                        return new FetchFailure(CrawlFailureReasons.RedirectOffSite);
                    }

                    if (redirectRejection(next) is { } rejection)
                    {
                        return new FetchFailure(rejection);
                    }

                    current = next;
                    continue;
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType;
                var body = status is >= 200 and < 300 && wantsBody(mediaType)
                    ? await LimitedBody.ReadAsync(response.Content, options.MaxPageBytes, linked.Token)
                    : null;
                return new FetchedResponse(current, status, mediaType, body);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return new FetchFailure(CrawlFailureReasons.Timeout);
            }
            catch (ResponseTooLargeException)
            {
                return new FetchFailure(CrawlFailureReasons.TooLarge);
            }
            catch (HttpRequestException exception) when (BlockedAddressException.IsCause(exception))
            {
                return new FetchFailure(CrawlFailureReasons.UrlNotAllowed);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                return new FetchFailure(CrawlFailureReasons.ConnectionFailed);
            }
        }
    }
}
