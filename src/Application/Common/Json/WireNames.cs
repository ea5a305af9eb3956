using System.Text.Json;

namespace Chat9.Application.Common.Json;

/// <summary>Enum values as the API spells them (<c>InProgress</c> ↔ <c>in_progress</c>), the same names <see cref="Chat9Json"/> writes.</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of);

    public static bool TryParse<TEnum>(string? wire, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Of(candidate) == wire)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>For values a validator has already checked.</summary>
    public static TEnum Parse<TEnum>(string? wire)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(wire, out var value) ? value : throw new ArgumentException($"'{wire}' is not a {typeof(TEnum).Name}.", nameof(wire));
}
