using System.Globalization;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Json;
using Chat9.Application.Common.Models;

namespace Chat9.WebApi.Infrastructure;

/// <summary>
/// Reads list and filter parameters from the query string. They bind as strings so that a bad value is a
/// <c>422 validation_failed</c> naming the parameter, not the framework's bare 400.
/// </summary>
public static class QueryParameters
{
    public static PageRequest Page(string? limit, string? offset, string? cursor) =>
        new(Int(limit, "limit"), Int(offset, "offset"), string.IsNullOrEmpty(cursor) ? null : cursor);

    /// <summary>An enum from its snake_case wire name (<c>web_page</c> → <c>WebPage</c>).</summary>
    public static TEnum? Enum<TEnum>(string? value, string name)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return WireNames.TryParse<TEnum>(value, out var parsed)
            ? parsed
            : throw new ValidationException(name, $"Must be one of: {string.Join(", ", WireNames.All<TEnum>())}.");
    }

    /// <summary>An ISO 8601 timestamp (<c>2026-05-04T12:00:00Z</c>); without an offset it is read as UTC.</summary>
    public static DateTimeOffset? Timestamp(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var timestamp)
            ? timestamp
            : throw new ValidationException(name, "Must be an ISO 8601 timestamp, e.g. 2026-05-04T12:00:00Z.");
    }

    public static bool? Bool(string? value, string name) => value switch
    {
        null or "" => null,
        "true" => true,
        "false" => false,
        _ => throw new ValidationException(name, "Must be true or false."),
    };

    private static int? Int(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ValidationException(name, "Must be a whole number.");
    }
}
