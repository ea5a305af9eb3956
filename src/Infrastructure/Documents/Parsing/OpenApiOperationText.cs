using System.Text.Json.Nodes;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// The text of one operation, everything a user might ask about on separate lines: method and path, summary,
/// description, parameters, request body and responses, with schemas summarised by <see cref="OpenApiSchemaText"/>.
/// Handles OpenAPI 3.x (requestBody, content) and Swagger 2.0 (body parameters, consumes, response schema).
/// </summary>
internal sealed class OpenApiOperationText(JsonObject document, JsonReferenceResolver references)
{
    private const string DefaultMediaType = "application/json";

    private readonly OpenApiSchemaText _schemas = new(references);

    public string Describe(string method, string path, JsonObject operation, JsonObject pathItem)
    {
        var lines = new List<string> { $"{method.ToUpperInvariant()} {path}" };
        AddText(lines, operation["summary"]);
        AddText(lines, operation["description"]);
        if (operation["deprecated"] is JsonValue deprecated && deprecated.TryGetValue<bool>(out var isDeprecated) && isDeprecated)
        {
            lines.Add("Deprecated.");
        }

        var parameters = Parameters(operation, pathItem);
        WriteParameters(lines, parameters.Where(parameter => In(parameter) != "body").ToList());
        WriteRequestBody(lines, operation, parameters.FirstOrDefault(parameter => In(parameter) == "body"));
        WriteResponses(lines, operation);
        return string.Join('\n', lines);
    }

    // Path-level parameters apply to every operation of the path; an operation redefines one by repeating its name and location.
    private List<JsonObject> Parameters(JsonObject operation, JsonObject pathItem)
    {
        var merged = new List<JsonObject>();
        foreach (var parameter in Resolved(pathItem["parameters"]).Concat(Resolved(operation["parameters"])))
        {
            var redefined = merged.FindIndex(known => Text(known["name"]) == Text(parameter["name"]) && In(known) == In(parameter));
            if (redefined >= 0)
            {
                merged[redefined] = parameter;
            }
            else
            {
                merged.Add(parameter);
            }
        }

        return merged;
    }

    private IEnumerable<JsonObject> Resolved(JsonNode? list) =>
        (list as JsonArray ?? []).Select(item => references.Resolve(item).Target).OfType<JsonObject>();

    private void WriteParameters(List<string> lines, List<JsonObject> parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        lines.Add("Parameters:");
        foreach (var parameter in parameters)
        {
            // OpenAPI 3 puts the type in a schema (or a content entry); Swagger 2 puts it on the parameter itself.
            var schema = parameter["schema"] ?? FirstMediaType(parameter["content"])?.Media["schema"] ?? parameter;
            var details = string.Join(", ", new[] { In(parameter), _schemas.TypeName(schema), IsTrue(parameter["required"]) ? "required" : null }.OfType<string>());
            var line = $"- {Text(parameter["name"])} ({details}{OpenApiSchemaText.EnumSuffix(references.Resolve(schema).Target)})";
            var description = Text(parameter["description"]);
            lines.Add(description is null ? line : $"{line}: {WhitespaceText.Collapse(description)}");
        }
    }

    private void WriteRequestBody(List<string> lines, JsonObject operation, JsonObject? swaggerBodyParameter)
    {
        if (swaggerBodyParameter is not null)
        {
            var mediaType = FirstText(operation["consumes"]) ?? FirstText(document["consumes"]) ?? DefaultMediaType;
            lines.Add($"Request body ({mediaType}):");
            AddText(lines, swaggerBodyParameter["description"], "  ");
            _schemas.Write(lines, swaggerBodyParameter["schema"], "  ");
            return;
        }

        if (references.Resolve(operation["requestBody"]).Target is not { } body)
        {
            return;
        }

        var content = FirstMediaType(body["content"]);
        var required = IsTrue(body["required"]) ? ", required" : "";
        lines.Add(content is null ? $"Request body{(required.Length > 0 ? " (required)" : "")}:" : $"Request body ({content.Value.Type}{required}):");
        AddText(lines, body["description"], "  ");
        _schemas.Write(lines, content?.Media["schema"], "  ");
    }

    private void WriteResponses(List<string> lines, JsonObject operation)
    {
        if (operation["responses"] is not JsonObject { Count: > 0 } responses)
        {
            return;
        }

        lines.Add("Responses:");
        foreach (var (status, node) in responses)
        {
            var response = references.Resolve(node).Target;
            var description = Text(response?["description"]);
            lines.Add(description is null ? $"- {status}" : $"- {status}: {WhitespaceText.Collapse(description)}");
            if (response is not null && status.StartsWith('2'))
            {
                _schemas.Write(lines, response["schema"] ?? FirstMediaType(response["content"])?.Media["schema"], "    ");
            }
        }
    }

    private static (string Type, JsonObject Media)? FirstMediaType(JsonNode? content)
    {
        foreach (var (type, media) in content as JsonObject ?? [])
        {
            if (media is JsonObject mediaObject)
            {
                return (type, mediaObject);
            }
        }

        return null;
    }

    private static void AddText(List<string> lines, JsonNode? node, string indent = "")
    {
        if (Text(node) is { } text)
        {
            lines.Add(indent + text);
        }
    }

    private static string? In(JsonObject parameter) => Text(parameter["in"]);

    private static string? FirstText(JsonNode? list) => (list as JsonArray ?? []).Select(Text).FirstOrDefault(text => text is not null);

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? Text(JsonNode? node)
    {
        var text = OpenApiDocumentReader.ScalarText(node)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
