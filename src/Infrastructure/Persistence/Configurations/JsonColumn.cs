using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

/// <summary>Stores a small list of values as one JSON text column on both providers (never queried into).</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<List<T>> JsonList<TEntity, T>(this EntityTypeBuilder<TEntity> builder, string fieldName, string columnName)
        where TEntity : class =>
        builder.Property<List<T>>(fieldName)
            .HasColumnName(columnName)
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                list => JsonSerializer.Serialize(list, Options),
                json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item == null ? 0 : item.GetHashCode())),
                    list => list.ToList()))
            .IsRequired();
}

/// <summary>Stores an optional small value object as JSON text (for data that is shown, never queried).</summary>
internal static class JsonValueColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T?> HasJsonConversion<T>(this PropertyBuilder<T?> property)
        where T : class =>
        property.HasConversion(
            value => value == null ? null : JsonSerializer.Serialize(value, Options),
            json => json == null ? null : JsonSerializer.Deserialize<T>(json, Options));
}
