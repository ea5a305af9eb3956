using System.Reflection;
using System.Text.Json;
using Chat9.Application.Common.Json;
using Chat9.Application.Common.Options;
using Chat9.WebApi.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.Json;

/// <summary>
/// A JSON request body read the contract's way: wrong media type → 415, over the size limit → 413,
/// not well-formed → 400 <c>invalid_json</c>, well-formed but of the wrong shape → 422 <c>validation_failed</c> naming the field.
/// </summary>
public sealed class JsonBody<T>
    where T : class
{
    private JsonBody(T value) => Value = value;

    public T Value { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            throw new HttpProblemException(415, "unsupported_media_type", "Send the body as application/json.");
        }

        var maxBytes = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.JsonBodyMaxBytes;
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);

        // JSON text is UTF-8 (RFC 8259); the parser checks string contents only when they are read, so check all bytes first.
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            throw new HttpProblemException(400, "invalid_json", "The body is not well-formed JSON.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            throw new HttpProblemException(400, "invalid_json", "The body is not well-formed JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new Application.Common.Exceptions.ValidationException("body", "The body must be a JSON object.");
            }

            try
            {
                var value = document.RootElement.Deserialize<T>(Chat9Json.Options)
                    ?? throw new Application.Common.Exceptions.ValidationException("body", "The body must be a JSON object.");
                return new JsonBody<T>(value);
            }
            catch (JsonException ex)
            {
                var field = FieldOf(Chat9Json.FailedMemberPath(ex));
                throw new Application.Common.Exceptions.ValidationException(field, "The value has the wrong type.");
            }
        }
    }

    /// <summary><c>$.escalation.enabled</c> → <c>escalation.enabled</c>.</summary>
    private static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    private static HttpProblemException TooLarge(int maxBytes) =>
        new(413, "payload_too_large", $"The body is larger than {maxBytes} bytes.", new Dictionary<string, object?> { ["max_bytes"] = maxBytes });
}
