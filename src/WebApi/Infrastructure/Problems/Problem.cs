using System.Diagnostics;
using Chat9.Application.Common.Json;
using Microsoft.AspNetCore.Mvc;

namespace Chat9.WebApi.Infrastructure.Problems;

/// <summary>Builds the RFC 9457 problem details of the contract: <c>type urn:chat9:problem:&lt;code&gt;</c>, a stable <c>code</c> and a <c>trace_id</c>.</summary>
public static class Problem
{
    public const string ContentType = "application/problem+json";

    /// <summary>Where the code of the problem a response carries is kept, for middleware that decides on response headers.</summary>
    public const string CodeItemKey = "chat9.problem_code";

    public static ProblemDetails Create(HttpContext context, int status, string code, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"urn:chat9:problem:{code}",
            Title = TitleOf(code),
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        problem.Extensions["trace_id"] = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Items[CodeItemKey] = code;
        return problem;
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = Create(context, status, code, detail, extensions);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, Chat9Json.Options, ContentType);
    }

    /// <summary>
    /// Sets <c>Retry-After</c> in whole seconds (at least 1) and returns the same number for <c>retry_after_seconds</c>:
    /// every 429 of the contract carries both.
    /// </summary>
    public static int SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>The JSON answer of a chat turn that failed after it was accepted (<c>POST /chat</c> without streaming).</summary>
    public static IResult FromFailure(HttpContext context, Application.Chat.Common.TurnFailed failed)
    {
        // The same status as the stream's error frame; only the code is JSON-specific.
        var status = Streaming.ChatResponses.ErrorCode(failed.Failure);
        var code = failed.Failure switch
        {
            Application.Chat.Common.TurnFailure.ModelUnavailable => "model_unavailable",
            Application.Chat.Common.TurnFailure.ContentRejected => "content_rejected",
            _ => "internal_error",
        };
        if (failed.RetryAfter is { } retryAfter)
        {
            SetRetryAfter(context, retryAfter);
        }

        return TypedResults.Problem(Create(context, status, code, failed.Message));
    }

    /// <summary><c>message_too_long</c> → "Message too long".</summary>
    public static string TitleOf(string code) =>
        code.Length == 0 ? "Error" : char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');
}
