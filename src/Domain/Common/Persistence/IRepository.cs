namespace Chat9.Domain.Common.Persistence;

/// <summary>Tracks aggregates for a command. Nothing is written until <see cref="IUnitOfWork.SaveChangesAsync"/>.</summary>
public interface IRepository<T> : IReadRepository<T>
    where T : class, IAggregateRoot
{
    void Add(T aggregate);

    void Remove(T aggregate);
}
