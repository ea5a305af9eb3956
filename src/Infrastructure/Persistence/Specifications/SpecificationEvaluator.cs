using System.Linq.Expressions;
using System.Reflection;
using Chat9.Domain.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence.Specifications;

/// <summary>Turns a specification into an EF Core query: Where → Include → OrderBy/ThenBy → Skip/Take → AsNoTracking (→ Select).</summary>
public static class SpecificationEvaluator
{
    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions)
        .GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include)
            && m.GetParameters() is [_, { ParameterType.IsGenericType: true }]);

    public static IQueryable<T> Apply<T>(IQueryable<T> source, ISpecification<T> specification, bool criteriaOnly = false)
        where T : class
    {
        var query = specification.Criteria.Aggregate(source, (q, criterion) => q.Where(criterion));
        if (criteriaOnly)
        {
            return query;
        }

        foreach (var include in specification.Includes)
        {
            query = (IQueryable<T>)IncludeMethod
                .MakeGenericMethod(typeof(T), include.ReturnType)
                .Invoke(null, [query, include])!;
        }

        query = ApplyOrdering(query, specification.OrderBy);

        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return specification.AsNoTracking ? query.AsNoTracking() : query;
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class =>
        Apply(source, (ISpecification<T>)specification).Select(specification.Selector);

    private static IQueryable<T> ApplyOrdering<T>(IQueryable<T> query, IReadOnlyList<OrderExpression<T>> orderBy)
    {
        for (var i = 0; i < orderBy.Count; i++)
        {
            var (key, descending) = (orderBy[i].KeySelector, orderBy[i].Descending);
            var method = (i, descending) switch
            {
                (0, false) => nameof(Queryable.OrderBy),
                (0, true) => nameof(Queryable.OrderByDescending),
                (_, false) => nameof(Queryable.ThenBy),
                (_, true) => nameof(Queryable.ThenByDescending),
            };
            query = query.Provider.CreateQuery<T>(Expression.Call(
                typeof(Queryable), method, [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key)));
        }

        return query;
    }
}
