using Mediator;

namespace Chat9.Application.Database.MigrateDatabase;

/// <summary>Applies pending migrations of the configured provider (admin CLI <c>db migrate</c>).</summary>
public sealed record MigrateDatabaseCommand : ICommand<MigrationResultDto>;

public sealed record MigrationResultDto(string Provider, IReadOnlyList<string> Applied);
