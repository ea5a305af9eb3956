using Chat9.Application.Bots.CreateBot;
using Chat9.Application.Bots.GetBot;
using Chat9.Application.Bots.UpdateBotSettings;
using Chat9.Application.Common.Behaviours;
using Chat9.Application.Demo.SeedDemoBot;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.Application.UnitTests;

public sealed class DependencyInjectionTests
{
    private static IServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddApplication();
        return services;
    }

    [Test]
    public void AddApplication_WhenCalled_RegistersPipelineOutermostFirst()
    {
        var behaviours = Services()
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<UpdateBotSettingsCommand, BotDto>))
            .Select(d => d.ImplementationType!.GetGenericTypeDefinition())
            .ToList();

        Assert.That(behaviours, Is.EqualTo(new[]
        {
            typeof(UnhandledExceptionBehaviour<,>),
            typeof(LoggingBehaviour<,>),
            typeof(ValidationBehaviour<,>),
        }));
    }

    [TestCase(typeof(IValidator<UpdateBotSettingsCommand>))]
    [TestCase(typeof(IValidator<CreateBotCommand>))]
    [TestCase(typeof(IValidator<SeedDemoBotCommand>))]
    public void AddApplication_WhenCalled_RegistersInternalValidatorScoped(Type validatorType)
    {
        var registrations = Services().Where(d => d.ServiceType == validatorType).ToList();

        Assert.That(registrations, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(registrations[0].Lifetime, Is.EqualTo(ServiceLifetime.Scoped));
            Assert.That(registrations[0].ImplementationType!.IsPublic, Is.False);
        }
    }
}
