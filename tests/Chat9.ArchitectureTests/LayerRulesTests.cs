using System.Reflection;
using Mediator;

namespace Chat9.ArchitectureTests;

/// <summary>The clean-architecture rules, checked by reflection: references point inward, and use cases follow the naming rules.</summary>
public sealed class LayerRulesTests
{
    private static readonly Assembly Domain = typeof(Chat9.Domain.Common.Entity).Assembly;
    private static readonly Assembly Application = typeof(Chat9.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Chat9.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly WebApi = typeof(Program).Assembly;

    [Test]
    public void Domain_DependsOnNothingButTheBclAndMediatorAbstractions()
    {
        var references = Referenced(Domain);

        Assert.That(references, Has.None.StartsWith("Microsoft.EntityFrameworkCore"));
        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore"));
        Assert.That(references, Has.None.StartsWith("Chat9."));
        Assert.That(references.Where(r => !r.StartsWith("System", StringComparison.Ordinal) && r != "netstandard"),
            Is.EquivalentTo(new[] { "Mediator" }));
    }

    [Test]
    public void Application_ReferencesOnlyTheDomainOfChat9_AndNoPersistenceOrWeb()
    {
        var references = Referenced(Application);

        Assert.That(references.Where(r => r.StartsWith("Chat9.", StringComparison.Ordinal)), Is.EquivalentTo(new[] { "Chat9.Domain" }));
        Assert.That(references, Has.None.StartsWith("Microsoft.EntityFrameworkCore"));
        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore"));
    }

    [Test]
    public void Infrastructure_NeverReferencesTheWebApi()
    {
        var references = Referenced(Infrastructure);

        Assert.That(references, Does.Not.Contain("Chat9.WebApi"));
        Assert.That(references, Does.Contain("Chat9.Application"));
    }

    [Test]
    public void WebApi_NeverTouchesTheDbContextFromEndpoints()
    {
        var endpointTypes = WebApi.GetTypes().Where(t => t.Namespace == "Chat9.WebApi.Endpoints");
        var offenders = endpointTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType.Namespace?.StartsWith("Chat9.Infrastructure", StringComparison.Ordinal) == true
                || p.ParameterType.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.That(offenders, Is.Empty, "Endpoints only route HTTP to use cases through ISender.");
    }

    [Test]
    public void CommandHandlers_AreNamedAfterTheirCommand()
    {
        var mismatches = HandlerPairs(typeof(ICommandHandler<,>))
            .Concat(HandlerPairs(typeof(IQueryHandler<,>)))
            .Where(pair => pair.Handler.Name != pair.Message.Name + "Handler")
            .Select(pair => $"{pair.Handler.Name} handles {pair.Message.Name}")
            .ToList();

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void CommandsEndWithCommand_AndQueriesWithQuery()
    {
        var messages = Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        var badCommands = messages.Where(t => Implements(t, typeof(ICommand<>)) && !t.Name.EndsWith("Command", StringComparison.Ordinal));
        var badQueries = messages.Where(t => Implements(t, typeof(IQuery<>)) && !t.Name.EndsWith("Query", StringComparison.Ordinal));

        Assert.That(badCommands.Concat(badQueries).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void CommandsAndQueries_AreImmutableRecords()
    {
        var messages = Application.GetTypes()
            .Where(t => Implements(t, typeof(ICommand<>)) || Implements(t, typeof(IQuery<>)))
            .ToList();

        Assert.That(messages, Is.Not.Empty);
        var notRecords = messages.Where(t => t.GetMethod("<Clone>$") is null).Select(t => t.Name);
        var mutable = messages.SelectMany(t => t.GetProperties())
            .Where(p => p.SetMethod is { } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.That(notRecords.Concat(mutable), Is.Empty);
    }

    [Test]
    public void UseCases_LiveInAFolderNamedAfterThem()
    {
        var misplaced = Application.GetTypes()
            .Where(t => Implements(t, typeof(ICommand<>)) || Implements(t, typeof(IQuery<>)))
            .Where(t => !t.Namespace!.EndsWith("." + t.Name.Replace("Command", string.Empty).Replace("Query", string.Empty), StringComparison.Ordinal))
            .Select(t => t.FullName);

        Assert.That(misplaced, Is.Empty, "Application has one folder per use case: <Feature>/<UseCase>/<UseCase>Command.cs");
    }

    [Test]
    public void DomainEntities_HaveNoPublicSetters()
    {
        var leaks = Domain.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Chat9.Domain.Common.Entity)))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod?.IsPublic == true)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.That(leaks, Is.Empty, "State changes go through methods with guarded invariants.");
    }

    private static List<string> Referenced(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    private static bool Implements(Type type, Type openGeneric) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);

    private static IEnumerable<(Type Handler, Type Message)> HandlerPairs(Type openHandler) =>
        Application.GetTypes()
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openHandler)
                .Select(i => (t, i.GetGenericArguments()[0])));
}
