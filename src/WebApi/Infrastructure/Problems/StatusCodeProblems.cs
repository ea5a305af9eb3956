using Chat9.Application.Common.Options;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.Problems;

/// <summary>Gives bodiless framework responses (no route, wrong method) the same problem+json shape as everything else.</summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (code, detail, extensions) = http.Response.StatusCode switch
        {
            404 => ("not_found", "No resource exists at this path.", None),
            405 => ("method_not_allowed", "This path does not accept the method.", None),
            413 => BodyTooLarge(http, http.GetEndpoint()),
            415 => ("unsupported_media_type", "The body has an unsupported content type.", None),
            400 when IsUpload(http.GetEndpoint()) => InvalidMultipart,
            var s when s >= 500 => ("internal_error", "An unexpected error occurred.", None),
            _ => ("bad_request", "The request could not be processed.", None),
        };
        return Problem.WriteAsync(http, http.Response.StatusCode, code, detail, extensions);
    }

    /// <summary>A body over Kestrel's limit: on an upload endpoint that is the contract's <c>file_too_large</c>.</summary>
    public static (string Code, string Detail, IReadOnlyDictionary<string, object?> Extensions) BodyTooLarge(HttpContext context, Endpoint? endpoint)
    {
        if (endpoint?.Metadata.GetMetadata<UploadEndpointAttribute>() is not null)
        {
            var maxBytes = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxFileBytes;
            return ("file_too_large", $"The file is larger than {maxBytes} bytes.", new Dictionary<string, object?> { ["max_bytes"] = maxBytes });
        }

        return ("payload_too_large", "The request body is too large.", None);
    }

    /// <summary>
    /// A 400 from reading the form of an upload endpoint (no or a bad boundary, no closing delimiter, a truncated body,
    /// part headers over the limits or without Content-Disposition): the body is not well-formed multipart/form-data.
    /// </summary>
    public static (string Code, string Detail, IReadOnlyDictionary<string, object?> Extensions) InvalidMultipart { get; } =
        ("invalid_multipart", "The body is not well-formed multipart/form-data.", new Dictionary<string, object?>());

    public static bool IsUpload(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<UploadEndpointAttribute>() is not null;

    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();
}
