using Chat9.Application.Common.Exceptions;
using FluentValidation;
using Mediator;

namespace Chat9.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of the message before its handler; failures become one <see cref="Exceptions.ValidationException"/>.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = await ValidationFailures.CollectAsync(validators, message, cancellationToken);
        if (errors.Count > 0)
        {
            throw new Exceptions.ValidationException(errors);
        }

        return await next(message, cancellationToken);
    }
}

internal static class ValidationFailures
{
    public static async Task<IReadOnlyDictionary<string, string[]>> CollectAsync<TMessage>(
        IEnumerable<IValidator<TMessage>> validators, TMessage message, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        return failures
            .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
    }
}
