using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat9.Application.UnitTests.TestSupport;

/// <summary>
/// The application's validators exactly as <see cref="DependencyInjection.AddApplication"/> registers them (they are internal).
/// The test project has no DI container package (only the abstractions arrive transitively), so each registered
/// implementation type is built with <see cref="ActivatorUtilities"/> over a provider that knows the options.
/// </summary>
public static class ApplicationValidators
{
    public static IReadOnlyList<IValidator<TMessage>> For<TMessage>(LimitsOptions? limits = null)
    {
        var services = new ServiceCollection();
        services.AddApplication();
        var provider = new OptionsProvider(Options.Create(limits ?? new LimitsOptions()));

        return services
            .Where(d => d.ServiceType == typeof(IValidator<TMessage>))
            .Select(d => (IValidator<TMessage>)ActivatorUtilities.CreateInstance(provider, d.ImplementationType!))
            .ToList();
    }

    /// <summary>The single validator registered for <typeparamref name="TMessage"/>; fails the test if there is not exactly one.</summary>
    public static IValidator<TMessage> Single<TMessage>(LimitsOptions? limits = null)
    {
        var validators = For<TMessage>(limits);
        Assert.That(validators, Has.Count.EqualTo(1), $"Expected AddApplication() to register one IValidator<{typeof(TMessage).Name}>.");
        return validators[0];
    }

    /// <summary>Validates like the pipeline does: failures grouped by property path, distinct messages.</summary>
    public static IReadOnlyDictionary<string, string[]> Errors<TMessage>(this IValidator<TMessage> validator, TMessage message) =>
        validator.Validate(message).Errors
            .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);

    private sealed class OptionsProvider(IOptions<LimitsOptions> limits) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IOptions<LimitsOptions>) ? limits : null;
    }
}
