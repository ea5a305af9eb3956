using System.Text.Json.Nodes;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Follows local <c>$ref</c> pointers ("#/components/schemas/Pet", "#/definitions/Pet") inside one API document.</summary>
internal sealed class JsonReferenceResolver(JsonObject document)
{
    // A chain of references pointing at each other would never end; real documents use one hop, rarely two.
    private const int MaxHops = 16;

    /// <summary>
    /// The object behind <paramref name="node"/> after following its references, and the name of the last referenced
    /// definition (null when no reference was followed). Target is null when a reference leads nowhere: another file,
    /// a missing definition, or a loop.
    /// </summary>
    public (JsonObject? Target, string? Name) Resolve(JsonNode? node)
    {
        string? name = null;
        for (var hop = 0; hop <= MaxHops; hop++)
        {
            if (node is not JsonObject value)
            {
                return (null, name);
            }

            if (ReferenceOf(value) is not { } reference)
            {
                return (value, name);
            }

            name = NameOf(reference);
            node = Find(reference);
        }

        return (null, name);
    }

    public static string? ReferenceOf(JsonObject node) => node["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference) ? reference : null;

    /// <summary>The definition name a reference ends with: "#/components/schemas/Pet" → "Pet".</summary>
    public static string NameOf(string reference) => Unescape(reference[(reference.LastIndexOf('/') + 1)..]);

    private JsonNode? Find(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            var key = Unescape(segment);
            node = node switch
            {
                JsonObject container => container[key],
                JsonArray list when int.TryParse(key, out var index) && index >= 0 && index < list.Count => list[index],
                _ => null,
            };
        }

        return node;
    }

    // JSON Pointer in a URI fragment: percent-decoding first, then "~1" → "/" and "~0" → "~" (RFC 6901).
    private static string Unescape(string segment) =>
        Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
