using Mediator;

namespace Chat9.Application.Database.GetPendingMigrations;

/// <summary>The migrations the database still lacks (empty when its schema is current).</summary>
public sealed record GetPendingMigrationsQuery : IQuery<IReadOnlyList<string>>;
