using Chat9.Application.Common.Interfaces;
using Mediator;

namespace Chat9.Application.Database.MigrateDatabase;

public sealed class MigrateDatabaseCommandHandler(IDatabaseMigrator migrator) : ICommandHandler<MigrateDatabaseCommand, MigrationResultDto>
{
    public async ValueTask<MigrationResultDto> Handle(MigrateDatabaseCommand command, CancellationToken cancellationToken) =>
        new(migrator.Provider, await migrator.MigrateAsync(cancellationToken));
}
