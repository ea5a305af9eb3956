using System.Globalization;
using Chat9.Application.Documents.Processing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// The bytes an archive may still expand to. Sizes in a ZIP's central directory are only claims, so the bytes actually
/// inflated are counted as they are read, and reading stops once the budget is spent.
/// </summary>
internal sealed class UncompressedByteBudget(long maxBytes)
{
    private long _consumed;

    public static DocumentParseException Exceeded(long maxBytes) => new(DocumentErrorCodes.TooLargeUncompressed, string.Create(CultureInfo.InvariantCulture,
        $"The file expands to more than {maxBytes:N0} bytes when unpacked, more than is allowed. It may be a ZIP bomb or hold very large embedded content."));

    public void Consume(int bytes)
    {
        _consumed += bytes;
        if (_consumed > maxBytes)
        {
            throw Exceeded(maxBytes);
        }
    }

    /// <summary>A read-only view of <paramref name="inner"/> that charges every byte read to this budget.</summary>
    public Stream Meter(Stream inner) => new MeteredReadStream(inner, this);

    private sealed class MeteredReadStream(Stream inner, UncompressedByteBudget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Consume(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
