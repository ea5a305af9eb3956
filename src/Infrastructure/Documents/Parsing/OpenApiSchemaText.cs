using System.Text.Json.Nodes;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// Summarises a schema as readable lines: "- name (type, required): description", nested objects indented, at most
/// three levels deep. Referenced definitions are followed, but never into one that is already being described.
/// </summary>
internal sealed class OpenApiSchemaText(JsonReferenceResolver references)
{
    private const int MaxPropertyDepth = 3;
    private const int MaxEnumValues = 10;

    public void Write(List<string> lines, JsonNode? schema, string indent)
    {
        var (resolved, name) = references.Resolve(schema);
        if (resolved is null)
        {
            return;
        }

        var describing = new HashSet<string>(StringComparer.Ordinal);
        if (name is not null)
        {
            describing.Add(name);
        }

        if (Shape(resolved) is { } shape)
        {
            WriteProperties(lines, shape, indent, depth: 1, describing);
            return;
        }

        lines.Add(indent + TypeName(schema) + EnumSuffix(resolved));
        var (items, itemsName) = references.Resolve(resolved["items"]);
        if (items is not null && Shape(items) is { } itemShape && (itemsName is null || describing.Add(itemsName)))
        {
            WriteProperties(lines, itemShape, indent + "  ", depth: 1, describing);
        }
    }

    /// <summary>"string", "string (date-time)", "array of Pet", "Cat or Dog"… from the schema as written, references by name.</summary>
    public string TypeName(JsonNode? schema)
    {
        if (schema is not JsonObject value)
        {
            return "any";
        }

        if (JsonReferenceResolver.ReferenceOf(value) is { } reference)
        {
            return JsonReferenceResolver.NameOf(reference);
        }

        var type = TypeOf(value);
        if (type == "array")
        {
            return "array of " + TypeName(value["items"]);
        }

        if (type is null)
        {
            return Composition(value) ?? (value["properties"] is JsonObject ? "object" : "any");
        }

        var format = OpenApiDocumentReader.ScalarText(value["format"]);
        return format is null ? type : $"{type} ({format})";
    }

    /// <summary>", one of: a, b, c" for an enumeration, otherwise "".</summary>
    public static string EnumSuffix(JsonObject? schema)
    {
        if (schema?["enum"] is not JsonArray values || values.Count == 0)
        {
            return "";
        }

        var shown = values.Take(MaxEnumValues).Select(v => OpenApiDocumentReader.ScalarText(v) ?? "null");
        return ", one of: " + string.Join(", ", shown) + (values.Count > MaxEnumValues ? ", …" : "");
    }

    private void WriteProperties(List<string> lines, ObjectShape shape, string indent, int depth, HashSet<string> describing)
    {
        foreach (var (name, property) in shape.Properties)
        {
            var (resolved, _) = references.Resolve(property);
            var line = $"{indent}- {name} ({TypeName(property)}{(shape.Required.Contains(name) ? ", required" : "")}{EnumSuffix(resolved)})";
            var description = Description(property as JsonObject) ?? Description(resolved);
            lines.Add(description is null ? line : $"{line}: {description}");

            if (depth < MaxPropertyDepth && NestedObject(property) is ({ } nested, var nestedName) && Shape(nested) is { } nestedShape
                && (nestedName is null || describing.Add(nestedName)))
            {
                WriteProperties(lines, nestedShape, indent + "  ", depth + 1, describing);
                if (nestedName is not null)
                {
                    describing.Remove(nestedName);
                }
            }
        }
    }

    /// <summary>The object a property holds, directly or as the items of an array.</summary>
    private (JsonObject? Schema, string? Name) NestedObject(JsonNode? property)
    {
        var (resolved, name) = references.Resolve(property);
        return resolved is not null && TypeOf(resolved) == "array" ? references.Resolve(resolved["items"]) : (resolved, name);
    }

    /// <summary>The properties and required names of an object schema, including those it inherits through allOf; null when it has none.</summary>
    private ObjectShape? Shape(JsonObject schema)
    {
        var properties = new List<(string, JsonNode?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsonObject>([schema]);

        while (pending.TryPop(out var current))
        {
            if (!visited.Add(current))
            {
                continue;
            }

            foreach (var (name, property) in current["properties"] as JsonObject ?? [])
            {
                if (seen.Add(name))
                {
                    properties.Add((name, property));
                }
            }

            required.UnionWith((current["required"] as JsonArray ?? []).Select(OpenApiDocumentReader.ScalarText).OfType<string>());
            foreach (var member in (current["allOf"] as JsonArray ?? []).Reverse())
            {
                if (references.Resolve(member).Target is { } memberSchema)
                {
                    pending.Push(memberSchema);
                }
            }
        }

        return properties.Count == 0 ? null : new ObjectShape(properties, required);
    }

    private string? Composition(JsonObject schema)
    {
        foreach (var (keyword, joiner) in new[] { ("oneOf", " or "), ("anyOf", " or "), ("allOf", " and ") })
        {
            if (schema[keyword] is JsonArray { Count: > 0 } members)
            {
                return string.Join(joiner, members.Select(TypeName));
            }
        }

        return null;
    }

    // OpenAPI 3.1 allows a list of types, such as ["string", "null"]; the first real type names it.
    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(OpenApiDocumentReader.ScalarText).FirstOrDefault(type => type is not null and not "null"),
        var type => OpenApiDocumentReader.ScalarText(type),
    };

    private static string? Description(JsonObject? schema)
    {
        var text = WhitespaceText.Collapse(OpenApiDocumentReader.ScalarText(schema?["description"]) ?? "");
        return text.Length == 0 ? null : text;
    }

    private sealed record ObjectShape(IReadOnlyList<(string Name, JsonNode? Schema)> Properties, IReadOnlySet<string> Required);
}
