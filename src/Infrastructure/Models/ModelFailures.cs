using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Chat9.Infrastructure.Models;

/// <summary>How Chat9 judges a failed model call: worth retrying or not, how long the provider asks us to wait, and a
/// short description for logs that carries no prompt text, no provider message and no key.</summary>
internal static class ModelFailures
{
    /// <summary>The error codes with which providers refuse content: Azure's content filter, OpenAI's flagged prompt.</summary>
    private static readonly string[] ContentRejectionCodes = ["content_filter", "invalid_prompt", "content_policy_violation"];

    /// <summary>429, 408, 5xx, timeouts and connection errors (pipeline.md "Resilience"); other 4xx are final.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        // Status 0: the request got no response at all (connection refused or reset).
        ClientResultException { Status: 0 or 408 or 429 or >= 500 } => true,
        // IOException: the connection broke while the response was read (e.g. a stream cut before its end).
        HttpRequestException or TimeoutRejectedException or IOException => true,
        _ => false,
    };

    /// <summary>The provider refused the request's content (HTTP 400 with error code <c>content_filter</c>,
    /// <c>invalid_prompt</c> or <c>content_policy_violation</c>, or Azure's <c>ResponsibleAIPolicyViolation</c>): final,
    /// and no sign of an outage.</summary>
    public static bool IsContentRejection(Exception exception)
    {
        if (exception is not ClientResultException { Status: 400 } result)
        {
            return false;
        }

        var body = ResponseBody(result);
        if (body is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            return IsRejectionCode(error, "code")
                || (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
                    && (IsRejectionCode(inner, "code") || inner.TryGetProperty("content_filter_result", out _)));
        }
        catch (JsonException)
        {
            return false;
        }
    }

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
        _ when IsContentRejection(exception) => "content rejected",
        // A cancellation the caller did not ask for: the SDK's network timeout.
        TimeoutRejectedException or OperationCanceledException => "timed out",
        ClientResultException { Status: 0 } or HttpRequestException => "network error",
        ClientResultException result => $"HTTP {result.Status}",
        IOException => "connection lost",
        _ => "unreadable response",
    };

    private static bool IsRejectionCode(JsonElement element, string property) =>
        element.TryGetProperty(property, out var code) && code.ValueKind == JsonValueKind.String
        && (ContentRejectionCodes.Contains(code.GetString(), StringComparer.OrdinalIgnoreCase)
            || string.Equals(code.GetString(), "ResponsibleAIPolicyViolation", StringComparison.OrdinalIgnoreCase));

    /// <summary>The error response's body when the SDK buffered it (it does for errors), else null.</summary>
    private static string? ResponseBody(ClientResultException exception)
    {
        try
        {
            return exception.GetRawResponse()?.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            // The content was a stream that was never read.
            return null;
        }
    }
}
