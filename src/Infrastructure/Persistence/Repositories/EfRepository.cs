using Chat9.Domain.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Common.Specifications;
using Chat9.Infrastructure.Persistence.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence.Repositories;

/// <summary>The repository of an aggregate root: a DbSet plus the specification evaluator. Saving is the unit of work's job.</summary>
public sealed class EfRepository<T>(Chat9DbContext dbContext) : IRepository<T>
    where T : class, IAggregateRoot
{
    private readonly DbSet<T> _set = dbContext.Set<T>();

    public void Add(T aggregate) => _set.Add(aggregate);

    public void Remove(T aggregate) => _set.Remove(aggregate);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(_set, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(_set, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(_set, specification).ToListAsync(cancellationToken);

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(_set, specification).ToListAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(_set, specification, criteriaOnly: true).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(_set, specification, criteriaOnly: true).AnyAsync(cancellationToken);
}
