using Chat9.Application.Database.MigrateDatabase;
using Chat9.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Infrastructure.Hosting;

/// <summary>Creates and migrates the database before the server accepts requests (unless turned off).</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrationsOnStartup)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MigrateDatabaseCommand(), cancellationToken);
        if (result.Applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} {Provider} migration(s): {Migrations}", result.Applied.Count, result.Provider, string.Join(", ", result.Applied));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
