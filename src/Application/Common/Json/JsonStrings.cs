using System.Text.Json;

namespace Chat9.Application.Common.Json;

/// <summary>Reads members that are parsed leniently, where a JSON string may still escape an unpaired surrogate (<c>"\ud800"</c>), which is not text.</summary>
public static class JsonStrings
{
    /// <summary>The element's text; null when it is not a string, or is one that is not valid Unicode.</summary>
    public static string? TextOrNull(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
