using Chat9.Application.Common.Behaviours;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.UnitTests.TestSupport;
using Chat9.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat9.Application.UnitTests.Common.Behaviours;

public sealed class UnhandledExceptionBehaviourTests
{
    private static MessageHandlerDelegate<PingCommand, string> Throwing(Exception exception) => (_, _) => throw exception;

    [Test]
    public void Handle_WhenNextThrows_RethrowsTheSameException()
    {
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>(NullLogger<UnhandledExceptionBehaviour<PingCommand, string>>.Instance);
        var boom = new InvalidOperationException("boom");

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () => await behaviour.Handle(new PingCommand("x"), Throwing(boom), CancellationToken.None));

        Assert.That(thrown, Is.SameAs(boom));
    }

    [Test]
    public async Task Handle_WhenNextSucceeds_ReturnsItsResultAndLogsNothing()
    {
        var logger = new RecordingLogger<UnhandledExceptionBehaviour<PingCommand, string>>();
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>(logger);

        var result = await behaviour.Handle(new PingCommand("x"), (_, _) => new ValueTask<string>("ok"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo("ok"));
            Assert.That(logger.Entries, Is.Empty);
        }
    }

    [Test]
    public void Handle_WhenUnexpectedException_LogsErrorWithUseCaseName()
    {
        var logger = new RecordingLogger<UnhandledExceptionBehaviour<PingCommand, string>>();
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>(logger);
        var boom = new InvalidOperationException("boom");

        Assert.ThrowsAsync<InvalidOperationException>(async () => await behaviour.Handle(new PingCommand("x"), Throwing(boom), CancellationToken.None));

        Assert.That(logger.Entries, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logger.Entries[0].Level, Is.EqualTo(LogLevel.Error));
            Assert.That(logger.Entries[0].Exception, Is.SameAs(boom));
            Assert.That(logger.Entries[0].Message, Does.Contain(nameof(PingCommand)));
        }
    }

    private static IEnumerable<TestCaseData> ExpectedFailures()
    {
        yield return new TestCaseData(new ValidationException("name", "Must not be empty.")).SetArgDisplayNames("ValidationException");
        yield return new TestCaseData(new NotFoundException()).SetArgDisplayNames("NotFoundException");
        yield return new TestCaseData(new DomainException("session_closed", "The chat has ended.")).SetArgDisplayNames("DomainException");
        yield return new TestCaseData(new DomainValidationException("name", "Must not be empty.")).SetArgDisplayNames("DomainValidationException");
        yield return new TestCaseData(new OperationCanceledException()).SetArgDisplayNames("OperationCanceledException");
    }

    [TestCaseSource(nameof(ExpectedFailures))]
    public void Handle_WhenExpectedFailure_RethrowsWithoutLoggingAnError(Exception expected)
    {
        var logger = new RecordingLogger<UnhandledExceptionBehaviour<PingCommand, string>>();
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>(logger);

        var thrown = Assert.CatchAsync(async () => await behaviour.Handle(new PingCommand("x"), Throwing(expected), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown, Is.SameAs(expected));
            Assert.That(logger.Entries, Is.Empty);
        }
    }
}
