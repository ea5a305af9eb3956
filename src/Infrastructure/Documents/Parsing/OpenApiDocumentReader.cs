using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Reads an API description (JSON or YAML) into a JSON tree and tells whether it is a version Chat9 understands.</summary>
internal static class OpenApiDocumentReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
        AllowDuplicateProperties = false,
    };

    /// <summary>JSON when the text starts with '{' or '[', YAML otherwise. Throws <see cref="InvalidDataException"/> with a readable reason.</summary>
    public static JsonNode? ReadTree(string text)
    {
        var start = text.AsSpan().TrimStart();
        var isJson = start.StartsWith("{") || start.StartsWith("[");
        try
        {
            return isJson ? JsonNode.Parse(text, documentOptions: JsonOptions) : YamlTreeReader.Read(text);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The JSON is not valid: {exception.Message}", exception);
        }
        catch (YamlException exception)
        {
            throw new InvalidDataException($"The YAML is not valid: {exception.Message}", exception);
        }
    }

    /// <summary>An object whose "openapi" member is 3.x, or whose "swagger" member is 2.0.</summary>
    public static bool IsSupportedVersion(JsonNode? root) =>
        root is JsonObject document
        && (ScalarText(document["openapi"])?.StartsWith("3.", StringComparison.Ordinal) == true
            || ScalarText(document["swagger"]) == "2.0");

    /// <summary>The text of a string, number or boolean value; null for anything else.</summary>
    public static string? ScalarText(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;
}
