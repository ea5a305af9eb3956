using Chat9.Infrastructure.Crawling;

namespace Chat9.Infrastructure.UnitTests.Crawling;

public sealed class LimitedBodyTests
{
    [Test]
    public async Task ReadAsync_BodyWithinTheLimit_ReturnsIt()
    {
        using var content = new ByteArrayContent(new byte[100]);

        Assert.That(await LimitedBody.ReadAsync(content, 100, CancellationToken.None), Has.Length.EqualTo(100));
    }

    [Test]
    public void ReadAsync_DeclaredLengthOverTheLimit_FailsWithoutReading()
    {
        var stream = new CountingStream(new byte[1_000]);
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = 1_000;

        Assert.ThrowsAsync<ResponseTooLargeException>(() => LimitedBody.ReadAsync(content, 999, CancellationToken.None));
        Assert.That(stream.BytesRead, Is.Zero);
    }

    [Test]
    public void ReadAsync_UndeclaredLengthOverTheLimit_StopsReadingPastIt()
    {
        var stream = new CountingStream(new byte[10_000_000]);
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = null;

        Assert.ThrowsAsync<ResponseTooLargeException>(() => LimitedBody.ReadAsync(content, 1_000, CancellationToken.None));
        Assert.That(stream.BytesRead, Is.LessThan(200_000));
    }

    /// <summary>A body that reports no length (as a chunked response does) and counts what was read (MemoryStream's async reads call these).</summary>
    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }
    }
}
