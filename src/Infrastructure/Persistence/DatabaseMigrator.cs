using Chat9.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Persistence;

public sealed class DatabaseMigrator(Chat9DbContext dbContext, IOptions<DatabaseOptions> options) : IDatabaseMigrator
{
    public string Provider => options.Value.Provider.ToString();

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await dbContext.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        // Without a connection EF reports every migration as pending; that is an outage, not an old schema, so the
        // connection is opened first and its failure thrown as it is.
        await dbContext.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return [.. await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)];
        }
        finally
        {
            await dbContext.Database.CloseConnectionAsync();
        }
    }
}
