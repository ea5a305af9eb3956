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
}
