using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Chat9.Application.Common.Models;

/// <summary>
/// The list parameters of the contract: <c>limit</c> (1–200, default 50) and either <c>offset</c> or an opaque
/// <c>cursor</c> from a previous page. Validated by <see cref="PageRequestValidator"/>.
/// </summary>
public sealed record PageRequest(int? Limit, int? Offset, string? Cursor)
{
    public static readonly PageRequest First = new(null, null, null);

    public int Take(int defaultLimit) => Limit ?? defaultLimit;

    /// <summary>Rows to skip: the offset, or the position encoded in the cursor.</summary>
    public int Skip => Offset ?? (Cursor is null ? 0 : DecodeCursor(Cursor) ?? 0);

    /// <summary>The cursor of the page after this one, or <c>null</c> on the last page.</summary>
    public string? NextCursor(int defaultLimit, int total)
    {
        // In long: an offset near int.MaxValue plus the page size must not wrap around to a negative "next" offset.
        var next = (long)Skip + Take(defaultLimit);
        return next < total ? EncodeCursor((int)next) : null;
    }

    public static string EncodeCursor(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"o":{{offset}}}"""));

    /// <summary>The offset inside a cursor, or <c>null</c> when the cursor is not one of ours.</summary>
    public static int? DecodeCursor(string cursor)
    {
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("o", out var offset)
                && offset.ValueKind == JsonValueKind.Number && offset.TryGetInt32(out var value) && value >= 0 ? value : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
