using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sources;
using Chat9.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Chat9.WebApi.Infrastructure.Problems;

/// <summary>
/// The one place where exceptions become HTTP responses. Expected failures map to their status and stable code;
/// anything else is logged with its trace id and answered with a bare <c>500 internal_error</c>.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Domain rule codes that describe an unprocessable request rather than a conflict with current state.</summary>
    private static readonly IReadOnlySet<string> UnprocessableDomainCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "not_assistant_message", "empty_file", "message_required",
    };

    /// <summary>How long a client should wait before retrying when the database is busy.</summary>
    private static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            context.Response.StatusCode = 499;
            return true;
        }

        var (status, code, detail, extensions) = exception switch
        {
            ValidationException v => (422, v.Code, v.Message, Errors(v.Errors)),
            RefreshCooldownException r => RetryLater(context, r.Code, r.Message, r.RetryAfter),
            DomainValidationException d => (422, d.Code, "One or more fields are invalid.", Errors(new Dictionary<string, string[]> { [d.Field] = [d.Message] })),
            NotFoundException n => (404, n.Code, n.Message, n.Extensions),
            ConflictException c => (409, c.Code, c.Message, c.Extensions),
            ForbiddenException f => (403, f.Code, f.Message, f.Extensions),
            UnprocessableException u => (422, u.Code, u.Message, u.Extensions),
            TooLargeException t => (413, t.Code, t.Message, t.Extensions),
            UnsupportedTypeException t => (415, t.Code, t.Message, t.Extensions),
            ConcurrencyConflictException => (409, "concurrency_conflict", "Another request changed the same data first; try again.", Empty),
            DomainException d => (UnprocessableDomainCodes.Contains(d.Code) ? 422 : 409, d.Code, d.Message, Empty),
            HttpProblemException h => (h.Status, h.Code, h.Message, h.Extensions),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => BodyTooLarge(context),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException } => (400, "invalid_json", "The body is not well-formed JSON.", Empty),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (415, "unsupported_media_type", "The body has an unsupported content type for this endpoint.", Empty),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } when StatusCodeProblems.IsUpload(FailedEndpoint(context)) => InvalidMultipart(),
            BadHttpRequestException b => (b.StatusCode, "bad_request", "The request could not be read.", Empty),
            _ when StorageFailures.Classify(exception) == StorageFailure.Unavailable => DatabaseUnavailable(context),
            _ when StorageFailures.Classify(exception) == StorageFailure.Full =>
                (507, "insufficient_storage", "The server has no storage space left; nothing was stored. Try again later.", Empty),
            _ => (500, "internal_error", "An unexpected error occurred. Quote the trace_id when reporting it.", Empty),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        await Problem.WriteAsync(context, status, code, detail, extensions);
        return true;
    }

    /// <summary>A 429 with <c>Retry-After</c> (whole seconds, at least 1) and the same number in <c>retry_after_seconds</c>.</summary>
    private static (int, string, string, IReadOnlyDictionary<string, object?>) RetryLater(HttpContext context, string code, string message, TimeSpan retryAfter)
    {
        var seconds = Problem.SetRetryAfter(context, retryAfter);
        return (429, code, message, new Dictionary<string, object?> { ["retry_after_seconds"] = seconds });
    }

    /// <summary>A 503 with <c>Retry-After</c>: the database is busy or unreachable for now (nothing was stored).</summary>
    private static (int, string, string, IReadOnlyDictionary<string, object?>) DatabaseUnavailable(HttpContext context)
    {
        var seconds = Problem.SetRetryAfter(context, DatabaseRetryAfter);
        return (503, "database_unavailable", "The database is busy or unavailable; nothing was stored. Try again in a moment.",
            new Dictionary<string, object?> { ["retry_after_seconds"] = seconds });
    }

    private static (int, string, string, IReadOnlyDictionary<string, object?>) BodyTooLarge(HttpContext context)
    {
        var (code, detail, extensions) = StatusCodeProblems.BodyTooLarge(context, FailedEndpoint(context));
        return (413, code, detail, extensions);
    }

    private static (int, string, string, IReadOnlyDictionary<string, object?>) InvalidMultipart()
    {
        var (code, detail, extensions) = StatusCodeProblems.InvalidMultipart;
        return (400, code, detail, extensions);
    }

    /// <summary>The exception handler has cleared the endpoint by now; the feature keeps the one that failed.</summary>
    private static Endpoint? FailedEndpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private static IReadOnlyDictionary<string, object?> Errors(IReadOnlyDictionary<string, string[]> errors) =>
        new Dictionary<string, object?> { ["errors"] = errors };
}

/// <summary>Marks an endpoint that receives a file upload: an over-limit body there is <c>413 file_too_large</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadEndpointAttribute : Attribute;
