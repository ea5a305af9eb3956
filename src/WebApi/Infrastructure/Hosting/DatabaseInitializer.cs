using Chat9.Application.Database.GetPendingMigrations;
using Chat9.Application.Database.MigrateDatabase;
using Chat9.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.Hosting;

/// <summary>
/// Creates and migrates the database before the server accepts requests. With <c>Database:ApplyMigrationsOnStartup</c>
/// off (several instances, migrations applied once per release), it only checks: a server never runs against a
/// schema older than its code.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!options.Value.ApplyMigrationsOnStartup)
        {
            IReadOnlyList<string> pending;
            try
            {
                pending = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetPendingMigrationsQuery(), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // An unreachable database is an outage, not a version mismatch: start, and let /health/ready report it.
                logger.LogWarning(ex, "Could not check the database schema at start-up.");
                return;
            }

            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database schema is not current: {pending.Count} migration(s) pending ({string.Join(", ", pending)}). "
                    + "Run `db migrate` (or the script of build/sqlserver-migration-script.sh), or set Database:ApplyMigrationsOnStartup=true.");
            }

            return;
        }

        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MigrateDatabaseCommand(), cancellationToken);
        if (result.Applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} {Provider} migration(s): {Migrations}", result.Applied.Count, result.Provider, string.Join(", ", result.Applied));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
