using Chat9.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Chat9.Application.Common.EventHandlers;

/// <summary>Keeps an audit trail of every domain event in the logs (event type only, at Debug: events may carry visitor data).</summary>
public sealed class DomainEventLogger<TEvent>(ILogger<DomainEventLogger<TEvent>> logger) : INotificationHandler<TEvent>
    where TEvent : DomainEvent
{
    public ValueTask Handle(TEvent notification, CancellationToken cancellationToken)
    {
        logger.LogDebug("Domain event {EventType} at {OccurredOn:o}", typeof(TEvent).Name, notification.OccurredOn);
        return ValueTask.CompletedTask;
    }
}
