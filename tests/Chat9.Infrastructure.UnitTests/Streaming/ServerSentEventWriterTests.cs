using System.Text;
using Chat9.Infrastructure.Streaming;

namespace Chat9.Infrastructure.UnitTests.Streaming;

public sealed class ServerSentEventWriterTests
{
    [Test]
    public async Task AFrame_IsOneDataLineAndABlankLine_FlushedAtOnce()
    {
        var body = new RecordingStream();
        await using (var writer = new ServerSentEventWriter(body, TimeSpan.Zero, TimeProvider.System))
        {
            await writer.WriteFrameAsync("""{"type":"status","stage":"thinking"}""", CancellationToken.None);
            Assert.That(body.Flushes, Is.EqualTo(1));
            await writer.WriteFrameAsync("""{"type":"chunk","text":"a\nb"}""", CancellationToken.None);
        }

        Assert.That(body.Text, Is.EqualTo("data: {\"type\":\"status\",\"stage\":\"thinking\"}\n\ndata: {\"type\":\"chunk\",\"text\":\"a\\nb\"}\n\n"));
    }

    [Test]
    public async Task JsonSpanningLines_IsRefused()
    {
        await using var writer = new ServerSentEventWriter(new RecordingStream(), TimeSpan.Zero, TimeProvider.System);

        Assert.ThrowsAsync<ArgumentException>(() => writer.WriteFrameAsync("{\n}", CancellationToken.None));
    }

    [Test]
    public async Task Silence_IsFilledWithPings()
    {
        var body = new RecordingStream();
        await using (var writer = new ServerSentEventWriter(body, TimeSpan.FromMilliseconds(50), TimeProvider.System))
        {
            await Task.Delay(400);
            await writer.WriteFrameAsync("{}", CancellationToken.None);
        }

        Assert.That(body.Text, Does.StartWith(": ping\n\n"));
        Assert.That(body.Text, Does.EndWith("data: {}\n\n"));
        Assert.That(body.Text.Replace(": ping\n\n", string.Empty, StringComparison.Ordinal), Is.EqualTo("data: {}\n\n"), "nothing but whole pings and frames");
    }

    [Test]
    public async Task AfterTheClientIsGone_WritesAreSkipped()
    {
        var body = new RecordingStream { FailWrites = true };
        await using var writer = new ServerSentEventWriter(body, TimeSpan.Zero, TimeProvider.System);

        await writer.WriteFrameAsync("{}", CancellationToken.None);
        body.FailWrites = false;
        await writer.WriteFrameAsync("{}", CancellationToken.None);

        Assert.That(writer.IsConnected, Is.False);
        Assert.That(body.Text, Is.Empty);
    }

    private sealed class RecordingStream : MemoryStream
    {
        public bool FailWrites { get; set; }

        public int Flushes { get; private set; }

        public string Text => Encoding.UTF8.GetString(ToArray());

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            FailWrites ? throw new IOException("connection reset") : base.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return base.FlushAsync(cancellationToken);
        }
    }
}
