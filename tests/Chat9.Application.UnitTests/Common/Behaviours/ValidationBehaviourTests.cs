using Chat9.Application.Common.Behaviours;
using Chat9.Application.UnitTests.TestSupport;
using FluentValidation;
using Mediator;
using ValidationException = Chat9.Application.Common.Exceptions.ValidationException;

namespace Chat9.Application.UnitTests.Common.Behaviours;

public sealed class ValidationBehaviourTests
{
    private int _nextCalls;

    [SetUp]
    public void ResetCalls() => _nextCalls = 0;

    private MessageHandlerDelegate<PingCommand, string> Next => (_, _) =>
    {
        _nextCalls++;
        return new ValueTask<string>("ok");
    };

    private static ValidationBehaviour<PingCommand, string> Behaviour(params IValidator<PingCommand>[] validators) => new(validators);

    [Test]
    public async Task Handle_WhenNoValidators_CallsNext()
    {
        var result = await Behaviour().Handle(new PingCommand(""), Next, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo("ok"));
            Assert.That(_nextCalls, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Handle_WhenValidatorsPass_CallsNextWithTheSameMessage()
    {
        var message = new PingCommand("hello");
        PingCommand? received = null;
        MessageHandlerDelegate<PingCommand, string> next = (m, _) =>
        {
            received = m;
            return new ValueTask<string>("ok");
        };

        var result = await Behaviour(new PingCommandValidator(), new InlineValidator<PingCommand>()).Handle(message, next, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo("ok"));
            Assert.That(received, Is.SameAs(message));
        }
    }

    [Test]
    public void Handle_WhenAValidatorFails_ThrowsValidationExceptionKeyedByPropertyAndSkipsNext()
    {
        var behaviour = Behaviour(new PingCommandValidator());

        var exception = Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(new PingCommand(""), Next, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception!.Code, Is.EqualTo("validation_failed"));
            Assert.That(exception.Errors.Keys, Is.EquivalentTo(new[] { "name" }));
            Assert.That(exception.Errors["name"], Is.EqualTo(new[] { "Must not be empty." }));
            Assert.That(_nextCalls, Is.Zero);
        }
    }

    [Test]
    public void Handle_WhenSeveralValidatorsFail_MergesTheirErrorsWithoutDuplicates()
    {
        var lengthValidator = new InlineValidator<PingCommand>();
        lengthValidator.RuleFor(c => c.Name).MinimumLength(3).WithMessage("Too short.").OverridePropertyName("name");
        var otherValidator = new InlineValidator<PingCommand>();
        otherValidator.RuleFor(c => c).Must(_ => false).WithMessage("Never valid.").OverridePropertyName("other");
        var behaviour = Behaviour(new PingCommandValidator(), lengthValidator, otherValidator, new PingCommandValidator());

        var exception = Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(new PingCommand(""), Next, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception!.Errors.Keys, Is.EquivalentTo(new[] { "name", "other" }));
            Assert.That(exception.Errors["name"], Is.EqualTo(new[] { "Must not be empty.", "Too short." }));
            Assert.That(exception.Errors["other"], Is.EqualTo(new[] { "Never valid." }));
            Assert.That(_nextCalls, Is.Zero);
        }
    }

    [Test]
    public void Handle_WhenCancelled_DoesNotCallNext()
    {
        var asyncValidator = new InlineValidator<PingCommand>();
        asyncValidator.RuleFor(c => c.Name).MustAsync(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return true;
        });
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(async () => await Behaviour(asyncValidator).Handle(new PingCommand("x"), Next, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_nextCalls, Is.Zero);
    }
}
