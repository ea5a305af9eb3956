using Chat9.Application.Common.Behaviours;
using Chat9.Application.UnitTests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Chat9.Application.UnitTests.Common.Behaviours;

public sealed class LoggingBehaviourTests
{
    [Test]
    public async Task Handle_WhenNextSucceeds_ReturnsResultAndLogsOnlyTheUseCaseName()
    {
        var logger = new RecordingLogger<LoggingBehaviour<PingCommand, string>>();
        var behaviour = new LoggingBehaviour<PingCommand, string>(logger);

        var result = await behaviour.Handle(new PingCommand("secret visitor text"), (_, _) => new ValueTask<string>("ok"), CancellationToken.None);

        Assert.That(logger.Entries, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo("ok"));
            Assert.That(logger.Entries[0].Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(logger.Entries[0].Message, Does.Contain(nameof(PingCommand)));
            Assert.That(logger.Entries[0].Message, Does.Not.Contain("secret visitor text"));
        }
    }

    [Test]
    public async Task Handle_WhenUseCaseIsSlow_LogsAtInformation()
    {
        var logger = new RecordingLogger<LoggingBehaviour<PingCommand, string>>();
        var behaviour = new LoggingBehaviour<PingCommand, string>(logger);

        await behaviour.Handle(new PingCommand("x"), async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(600), ct);
            return "ok";
        }, CancellationToken.None);

        Assert.That(logger.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Information }));
    }

    [Test]
    public void Handle_WhenNextThrows_PropagatesWithoutLogging()
    {
        var logger = new RecordingLogger<LoggingBehaviour<PingCommand, string>>();
        var behaviour = new LoggingBehaviour<PingCommand, string>(logger);
        var boom = new InvalidOperationException("boom");

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behaviour.Handle(new PingCommand("x"), (_, _) => throw boom, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown, Is.SameAs(boom));
            Assert.That(logger.Entries, Is.Empty);
        }
    }
}
