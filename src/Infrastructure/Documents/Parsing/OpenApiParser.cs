using System.Text.Json.Nodes;
using Chat9.Application.Documents.Processing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// OpenAPI 3.x and Swagger 2.0, JSON or YAML: one Operation block per operation, placed under its first tag and
/// "METHOD /path" (pipeline.md: one chunk per operation). Title: the API's title and version.
/// </summary>
internal sealed class OpenApiParser : IFormatParser
{
    private const string DefaultTag = "API";

    private static readonly HashSet<string> HttpMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    };

    public string FormatName => "OpenAPI document";

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var root = OpenApiDocumentReader.ReadTree(TextDecoder.Decode(content.Span));
        if (!OpenApiDocumentReader.IsSupportedVersion(root) || root is not JsonObject document)
        {
            throw new DocumentParseException(DocumentErrorCodes.ParseFailed, "The file is not an OpenAPI 3.x or Swagger 2.0 document.");
        }

        var references = new JsonReferenceResolver(document);
        var operationText = new OpenApiOperationText(document, references);
        var builder = new ParsedDocumentBuilder(limits, cancellationToken);

        foreach (var (path, pathNode) in document["paths"] as JsonObject ?? [])
        {
            if (references.Resolve(pathNode).Target is not { } pathItem)
            {
                continue;
            }

            foreach (var (method, operationNode) in pathItem)
            {
                if (!HttpMethods.Contains(method) || operationNode is not JsonObject operation)
                {
                    continue;
                }

                var heading = $"{method.ToUpperInvariant()} {path}";
                builder.AddWithPath(BlockKind.Operation, operationText.Describe(method, path, operation, pathItem), [Tag(operation), heading], Anchor(operation, method, path));
            }
        }

        return builder.Build(Title(document), "The OpenAPI document describes no operations.");
    }

    private static string Tag(JsonObject operation) =>
        (operation["tags"] as JsonArray ?? []).Select(OpenApiDocumentReader.ScalarText).FirstOrDefault(tag => !string.IsNullOrWhiteSpace(tag))?.Trim()
        ?? DefaultTag;

    private static string Anchor(JsonObject operation, string method, string path)
    {
        var operationId = OpenApiDocumentReader.ScalarText(operation["operationId"])?.Trim();
        return string.IsNullOrEmpty(operationId)
            ? Slug.From(WhitespaceText.Collapse($"{method} {path.Replace('/', ' ')}"))
            : operationId;
    }

    private static string? Title(JsonObject document)
    {
        var info = document["info"] as JsonObject;
        var title = OpenApiDocumentReader.ScalarText(info?["title"])?.Trim();
        var version = OpenApiDocumentReader.ScalarText(info?["version"])?.Trim();
        return string.IsNullOrEmpty(title) ? null : string.IsNullOrEmpty(version) ? title : $"{title} {version}";
    }
}
