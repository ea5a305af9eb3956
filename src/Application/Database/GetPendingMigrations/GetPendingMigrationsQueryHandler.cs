using Chat9.Application.Common.Interfaces;
using Mediator;

namespace Chat9.Application.Database.GetPendingMigrations;

public sealed class GetPendingMigrationsQueryHandler(IDatabaseMigrator migrator) : IQueryHandler<GetPendingMigrationsQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(GetPendingMigrationsQuery query, CancellationToken cancellationToken) =>
        await migrator.PendingMigrationsAsync(cancellationToken);
}
