using System.Linq.Expressions;

namespace Chat9.Domain.Common.Specifications;

/// <summary>
/// Base for intention-revealing queries (the Ardalis.Specification idea, kept small).
/// Derived classes describe criteria, includes, ordering and paging in their constructor.
/// </summary>
public abstract class Specification<T> : ISpecification<T>
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<LambdaExpression> _includes = [];
    private readonly List<OrderExpression<T>> _orderBy = [];

    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    public IReadOnlyList<LambdaExpression> Includes => _includes;

    public IReadOnlyList<OrderExpression<T>> OrderBy => _orderBy;

    public int? Skip { get; private set; }

    public int? Take { get; private set; }

    public bool AsNoTracking { get; private set; }

    protected void Where(Expression<Func<T, bool>> criterion) => _criteria.Add(criterion);

    protected void Include<TProperty>(Expression<Func<T, TProperty>> navigation) => _includes.Add(navigation);

    protected void OrderByAscending<TKey>(Expression<Func<T, TKey>> key) => _orderBy.Add(new OrderExpression<T>(key, false));

    protected void OrderByDescending<TKey>(Expression<Func<T, TKey>> key) => _orderBy.Add(new OrderExpression<T>(key, true));

    protected void Page(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        Skip = skip;
        Take = take;
    }

    protected void NoTracking() => AsNoTracking = true;

    /// <summary>Evaluates the criteria in memory (for domain checks and tests).</summary>
    public bool IsSatisfiedBy(T candidate) => _criteria.All(c => c.Compile()(candidate));
}

/// <summary>A specification with a projection; the projection always reads without tracking.</summary>
public abstract class Specification<T, TResult> : Specification<T>, ISpecification<T, TResult>
{
    protected Specification() => NoTracking();

    public abstract Expression<Func<T, TResult>> Selector { get; }
}
