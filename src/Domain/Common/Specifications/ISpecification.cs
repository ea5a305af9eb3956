using System.Linq.Expressions;

namespace Chat9.Domain.Common.Specifications;

/// <summary>A query over aggregates of <typeparamref name="T"/>, described as data so that Infrastructure can translate it.</summary>
public interface ISpecification<T>
{
    IReadOnlyList<Expression<Func<T, bool>>> Criteria { get; }

    IReadOnlyList<LambdaExpression> Includes { get; }

    IReadOnlyList<OrderExpression<T>> OrderBy { get; }

    int? Skip { get; }

    int? Take { get; }

    bool AsNoTracking { get; }
}

/// <summary>A specification that projects each match to <typeparamref name="TResult"/>.</summary>
public interface ISpecification<T, TResult> : ISpecification<T>
{
    Expression<Func<T, TResult>> Selector { get; }
}

public sealed record OrderExpression<T>(LambdaExpression KeySelector, bool Descending);
