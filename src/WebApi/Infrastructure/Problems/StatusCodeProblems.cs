using Microsoft.AspNetCore.Diagnostics;

namespace Chat9.WebApi.Infrastructure.Problems;

/// <summary>Gives bodiless framework responses (no route, wrong method) the same problem+json shape as everything else.</summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (code, detail) = http.Response.StatusCode switch
        {
            404 => ("not_found", "No resource exists at this path."),
            405 => ("method_not_allowed", "This path does not accept the method."),
            413 => ("payload_too_large", "The request body is too large."),
            415 => ("unsupported_media_type", "The body has an unsupported content type."),
            var s when s >= 500 => ("internal_error", "An unexpected error occurred."),
            _ => ("bad_request", "The request could not be processed."),
        };
        return Problem.WriteAsync(http, http.Response.StatusCode, code, detail);
    }
}
