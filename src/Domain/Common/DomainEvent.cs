using Mediator;

namespace Chat9.Domain.Common;

/// <summary>Something that happened in the domain. Carries ids and values, never tracked entities.</summary>
public abstract record DomainEvent : INotification
{
    public DateTimeOffset OccurredOn { get; init; } = DateTimeOffset.UtcNow;
}
