namespace Chat9.Application.Common.Interfaces;

/// <summary>Applies the configured provider's pending migrations.</summary>
public interface IDatabaseMigrator
{
    string Provider { get; }

    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
