using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// Reads the first YAML document into a JSON tree, so OpenAPI documents are walked the same way whichever syntax they use.
/// Plain scalars <c>true</c>/<c>false</c> and <c>null</c>/<c>~</c> keep their meaning; every other scalar stays a string.
/// </summary>
internal sealed class YamlTreeReader
{
    // Pulling events lazily lets these limits stop hostile input early: nesting depth (YamlDotNet slows down sharply on
    // deep flow nesting) and the number of nodes aliases may expand to ("billion laughs").
    private const int MaxDepth = 256;
    private const int NodeAllowanceBeyondTextLength = 10_000;

    private readonly IParser _parser;
    private readonly Dictionary<string, (JsonNode? Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly long _maxNodes;
    private long _nodes;

    private YamlTreeReader(IParser parser, long maxNodes)
    {
        _parser = parser;
        _maxNodes = maxNodes;
    }

    /// <summary>The tree of the first document, or null for an empty stream. Throws <see cref="YamlException"/> or <see cref="InvalidDataException"/>.</summary>
    public static JsonNode? Read(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        return parser.TryConsume<DocumentStart>(out _)
            ? new YamlTreeReader(parser, yaml.Length + NodeAllowanceBeyondTextLength).ReadNode(depth: 0)
            : null;
    }

    private JsonNode? ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"The YAML is nested more than {MaxDepth} levels deep.");
        }

        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return Expand(alias.Value.Value);
        }

        var firstNode = _nodes;
        CountNodes(1);
        var (anchor, node) = ReadValue(depth);
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = (node, _nodes - firstNode);
        }

        return node;
    }

    private (AnchorName Anchor, JsonNode? Node) ReadValue(int depth)
    {
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            return (scalar.Anchor, ScalarValue(scalar));
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JsonArray();
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(depth + 1));
            }

            return (sequenceStart.Anchor, array);
        }

        var mappingStart = _parser.Consume<MappingStart>();
        var mapping = new JsonObject();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = _parser.Consume<Scalar>().Value;
            mapping[key] = ReadNode(depth + 1);
        }

        return (mappingStart.Anchor, mapping);
    }

    private JsonNode? Expand(string anchor)
    {
        if (!_anchors.TryGetValue(anchor, out var anchored))
        {
            throw new InvalidDataException($"The YAML refers to an undefined anchor '{anchor}'.");
        }

        CountNodes(anchored.Size);
        return anchored.Node?.DeepClone();
    }

    private void CountNodes(long count)
    {
        _nodes += count;
        if (_nodes > _maxNodes)
        {
            throw new InvalidDataException("The YAML expands to far more values than its size suggests; aliases are repeated too often.");
        }
    }

    private static JsonNode? ScalarValue(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        return scalar.Value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ => JsonValue.Create(scalar.Value),
        };
    }
}
