namespace Chat9.Application.Common.Interfaces;

/// <summary>Applies the configured provider's pending migrations.</summary>
public interface IDatabaseMigrator
{
    string Provider { get; }

    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The migrations not yet applied. Throws the connection's failure when the database cannot be reached.</summary>
    Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken);
}
