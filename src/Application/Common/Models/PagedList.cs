namespace Chat9.Application.Common.Models;

/// <summary>The list envelope of the contract: <c>{items, total, next_cursor}</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);

/// <summary>A plain list result (admin CLI).</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
