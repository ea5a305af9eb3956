using System.Text.Json;

namespace Chat9.WebApi.Cli;

/// <summary>Prints a command's result as indented "name: value" lines for people at a terminal.</summary>
internal static class HumanReadable
{
    public static void Write(TextWriter writer, JsonElement element, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteLine($"{pad}{property.Name}:");
                    Write(writer, property.Value, indent + 2);
                    break;
                case JsonValueKind.Array when property.Value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object):
                    writer.WriteLine($"{pad}{property.Name}:");
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        writer.WriteLine($"{pad}  -");
                        Write(writer, item, indent + 4);
                    }

                    break;
                case JsonValueKind.Array:
                    writer.WriteLine($"{pad}{property.Name}: {string.Join(", ", property.Value.EnumerateArray().Select(Scalar))}");
                    break;
                default:
                    writer.WriteLine($"{pad}{property.Name}: {Scalar(property.Value)}");
                    break;
            }
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "-",
        _ => value.GetRawText(),
    };
}
