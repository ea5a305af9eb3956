namespace Chat9.Domain.Common.Persistence;

/// <summary>Commits every change of one command in one transaction, after dispatching its domain events.</summary>
public interface IUnitOfWork
{
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
