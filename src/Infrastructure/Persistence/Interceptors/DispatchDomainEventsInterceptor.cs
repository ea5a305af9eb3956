using Chat9.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Publishes the domain events of tracked entities just before saving, so that writes made by event handlers
/// commit in the same transaction as the command. The publisher is resolved late to avoid a DI cycle
/// (handlers depend on the DbContext, which depends on this interceptor).
/// </summary>
public sealed class DispatchDomainEventsInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await DispatchAsync(context, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Chat9 saves asynchronously so that domain events can be dispatched; use SaveChangesAsync.");

    private async Task DispatchAsync(DbContext context, CancellationToken cancellationToken)
    {
        var publisher = services.GetRequiredService<IPublisher>();
        // Handlers may raise further events; keep going until the model is quiet.
        for (var round = 0; round < 10; round++)
        {
            var entities = context.ChangeTracker.Entries<Entity>()
                .Select(e => e.Entity)
                .Where(e => e.DomainEvents.Count > 0)
                .ToList();
            if (entities.Count == 0)
            {
                return;
            }

            var events = entities.SelectMany(e => e.DomainEvents).ToList();
            entities.ForEach(e => e.ClearDomainEvents());
            foreach (var domainEvent in events)
            {
                await publisher.Publish((object)domainEvent, cancellationToken);
            }
        }
    }
}
