namespace Chat9.Domain.Common.Persistence;

/// <summary>Commits every change of one command in one transaction, after dispatching its domain events.</summary>
public interface IUnitOfWork
{
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every tracked change, so a command can retry from fresh reads after a <see cref="ConcurrencyConflictException"/>.</summary>
    void DiscardChanges();
}
