using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Crawling;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Notifications;

/// <summary>
/// Sends webhook events through the SSRF-safe outbound client (no redirects, no private or loopback targets unless
/// configured): any 2xx within the timeout is a delivery; everything else is a failure with a reason, never an exception.
/// </summary>
public sealed class HttpWebhookSender(OutboundHttpClientFactory clients, IOptions<WebhookOptions> options) : IWebhookSender, IDisposable
{
    public const string UserAgent = "Chat9-Webhook/1.0";

    private readonly Lazy<HttpClient> _client = new(() => clients.CreateClient(UserAgent));

    public async Task<WebhookAttempt> SendAsync(Uri url, string body, string eventType, Guid deliveryId, string signature, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Chat9-Event", eventType);
        request.Headers.TryAddWithoutValidation("X-Chat9-Delivery", deliveryId.ToString());
        request.Headers.TryAddWithoutValidation("X-Chat9-Signature", signature);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookAttempt(true, status, null, Stopwatch.GetElapsedTime(started))
                : new WebhookAttempt(false, status, $"The receiver answered {status}.", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(false, null, $"No answer within {options.Value.TimeoutSeconds} s.", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException || ex.InnerException?.InnerException is BlockedAddressException)
        {
            return new WebhookAttempt(false, null, "The webhook host resolves only to addresses Chat9 may not call (private or loopback).", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(false, null, "Connection failed: " + ex.Message, Stopwatch.GetElapsedTime(started));
        }
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
