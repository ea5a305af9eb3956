using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common;
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
            DomainValidationException d => (422, d.Code, "One or more fields are invalid.", Errors(new Dictionary<string, string[]> { [d.Field] = [d.Message] })),
            NotFoundException n => (404, n.Code, n.Message, n.Extensions),
            ConflictException c => (409, c.Code, c.Message, c.Extensions),
            ForbiddenException f => (403, f.Code, f.Message, f.Extensions),
            UnprocessableException u => (422, u.Code, u.Message, u.Extensions),
            DomainException d => (UnprocessableDomainCodes.Contains(d.Code) ? 422 : 409, d.Code, d.Message, Empty),
            HttpProblemException h => (h.Status, h.Code, h.Message, h.Extensions),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "payload_too_large", "The request body is too large.", Empty),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException } => (400, "invalid_json", "The body is not well-formed JSON.", Empty),
            BadHttpRequestException b => (b.StatusCode, "bad_request", "The request could not be read.", Empty),
            _ => (500, "internal_error", "An unexpected error occurred. Quote the trace_id when reporting it.", Empty),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        await Problem.WriteAsync(context, status, code, detail, extensions);
        return true;
    }

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private static IReadOnlyDictionary<string, object?> Errors(IReadOnlyDictionary<string, string[]> errors) =>
        new Dictionary<string, object?> { ["errors"] = errors };
}
