namespace Chat9.Domain.Common;

/// <summary>Base class for everything with an identity. Collects domain events until the unit of work dispatches them.</summary>
public abstract class Entity
{
    private readonly List<DomainEvent> _domainEvents = [];

    protected Entity(Guid id) => Id = id;

    // For EF Core materialization.
    protected Entity() { }

    public Guid Id { get; protected init; }

    public IReadOnlyCollection<DomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    protected void Raise(DomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
