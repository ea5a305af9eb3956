using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Chat9.WebApi.Infrastructure.OpenApi;

/// <summary>
/// Describes every 4xx/5xx response as <c>application/problem+json</c> with the contract's members
/// (<c>code</c>, <c>trace_id</c>, and <c>errors</c> for validation), instead of the framework's generic shape.
/// </summary>
internal sealed class ProblemResponsesProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var schema = ProblemSchema(context);
        var multipart = context.OperationDescription.Operation.RequestBody?.Content.ContainsKey("multipart/form-data") == true;
        foreach (var (status, response) in context.OperationDescription.Operation.Responses)
        {
            if (!int.TryParse(status, out var code) || code < 400)
            {
                continue;
            }

            response.Content.Clear();
            response.Content["application/problem+json"] = new OpenApiMediaType { Schema = new JsonSchema { Reference = schema } };
            if (string.IsNullOrEmpty(response.Description) || response.Description == status)
            {
                response.Description = multipart ? DescribeUpload(code) : Describe(code);
            }
        }

        return true;
    }

    private static JsonSchema ProblemSchema(OperationProcessorContext context)
    {
        var definitions = context.Document.Definitions;
        if (definitions.TryGetValue("Problem", out var existing))
        {
            return existing;
        }

        var schema = new JsonSchema { Type = JsonObjectType.Object, Description = "RFC 9457 problem details with a stable `code`." };
        schema.Properties["type"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true, Description = "urn:chat9:problem:<code>" };
        schema.Properties["title"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true };
        schema.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, IsRequired = true };
        schema.Properties["detail"] = new JsonSchemaProperty { Type = JsonObjectType.String };
        schema.Properties["code"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true, Description = "Stable, machine-readable snake_case error code." };
        schema.Properties["trace_id"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true };
        schema.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object | JsonObjectType.Null,
            Description = "validation_failed only: snake_case field path → messages.",
            AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } },
        };
        schema.Properties["max_bytes"] = new JsonSchemaProperty { Type = JsonObjectType.Integer | JsonObjectType.Null, Description = "payload_too_large and file_too_large." };
        schema.AllowAdditionalProperties = true;
        definitions["Problem"] = schema;
        return schema;
    }

    /// <summary>An upload reads a form, not JSON: its 400 and 415 say so.</summary>
    private static string DescribeUpload(int status) => status switch
    {
        400 => "invalid_multipart: the body is not well-formed multipart/form-data.",
        415 => "unsupported_media_type (send multipart/form-data) or unsupported_type (the file's type; `hint`).",
        _ => Describe(status),
    };

    private static string Describe(int status) => status switch
    {
        400 => "invalid_json: the body is not well-formed JSON.",
        401 => "unauthorized: missing, unknown or revoked API key (one identical body).",
        403 => "bot_inactive: the bot is disabled.",
        404 => "not_found: unknown resource.",
        409 => "Conflict with the current state (see `code`).",
        413 => "payload_too_large: the JSON body is over the limit (`max_bytes`).",
        415 => "unsupported_media_type: send application/json.",
        422 => "validation_failed: field-level problems (`errors`).",
        429 => "rate_limited: over a rate limit (`Retry-After`).",
        500 => "internal_error: unexpected failure (quote `trace_id`).",
        503 => "The service or a dependency is unavailable.",
        _ => "Problem details.",
    };
}
