using System.ClientModel;
using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Chat9.Infrastructure.Models;

/// <summary>How Chat9 judges a failed model call: worth retrying or not, how long the provider asks us to wait, and a
/// short description for logs that carries no prompt text, no provider message and no key.</summary>
internal static class ModelFailures
{
    /// <summary>429, 408, 5xx, timeouts and connection errors (pipeline.md "Resilience"); other 4xx are final.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        // Status 0: the request got no response at all (connection refused or reset).
        ClientResultException { Status: 0 or 408 or 429 or >= 500 } => true,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>The wait the provider asked for in <c>retry-after-ms</c> (OpenAI, Azure) or <c>Retry-After</c>
    /// (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(Exception exception, DateTimeOffset now)
    {
        var headers = (exception as ClientResultException)?.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>A few words on what went wrong, safe to log and to put in exception messages.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        BrokenCircuitException => "circuit open",
        // A cancellation the caller did not ask for: the SDK's network timeout.
        TimeoutRejectedException or OperationCanceledException => "timed out",
        ClientResultException { Status: 0 } or HttpRequestException => "network error",
        ClientResultException result => $"HTTP {result.Status}",
        _ => "unreadable response",
    };
}
