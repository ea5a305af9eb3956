using FluentValidation;

namespace Chat9.Application.UnitTests.TestSupport;

/// <summary>A message that exists only in the tests; behaviours are called directly, so no Mediator handler is needed.</summary>
public sealed record PingCommand(string Name) : Mediator.ICommand<string>;

/// <summary>Fails when <see cref="PingCommand.Name"/> is empty, keyed <c>name</c> like the application's validators.</summary>
public sealed class PingCommandValidator : AbstractValidator<PingCommand>
{
    public PingCommandValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Must not be empty.").OverridePropertyName("name");
}
