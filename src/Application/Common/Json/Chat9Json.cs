using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat9.Application.Common.Models;

namespace Chat9.Application.Common.Json;

/// <summary>The one JSON shape of Chat9 (HTTP and CLI): snake_case members and enums, UTC timestamps with milliseconds.</summary>
public static class Chat9Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Where <see cref="Optional{T}"/> leaves the path inside a member that failed to read (see <see cref="FailedMemberPath"/>).</summary>
    private const string NestedPathKey = "chat9:nested_path";

    /// <summary>The JSON path of the member a deserialization failed on, e.g. <c>$.escalation.enabled</c>.</summary>
    public static string? FailedMemberPath(JsonException exception) =>
        exception.Path is null ? null : exception.Path + (exception.Data[NestedPathKey] as string);

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new OptionalConverterFactory());
        return options;
    }

    /// <summary>Writes <c>2026-05-04T12:07:00.000Z</c>; reads any ISO-8601 date-time with an offset.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>A member that is present (even as <c>null</c>) becomes a set <see cref="Optional{T}"/>; an absent one stays unset.</summary>
    private sealed class OptionalConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return new Optional<T>(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            catch (JsonException ex)
            {
                // A nested Deserialize reports paths relative to the member ("$" or "$.enabled"). Rethrow without a path so the
                // outer serializer records where the member sits, and keep the relative rest for the error message.
                var rethrown = new JsonException(ex.Message, ex);
                if (ex.Path is { Length: > 1 } relative)
                {
                    rethrown.Data[NestedPathKey] = relative[1..];
                }

                throw rethrown;
            }
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.IsSet ? value.Value : default, options);
    }
}
