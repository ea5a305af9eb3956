using System.Text;

namespace Chat9.Infrastructure.Streaming;

/// <summary>
/// Writes the answer stream of sse.md to a response body: every frame is one <c>data: {json}</c> line and a blank
/// line, flushed at once; a <c>: ping</c> comment goes out whenever <see cref="HeartbeatInterval"/> passes without any
/// other output (the model may think for a while). Writes never interleave: frames and heartbeats share one lock.
/// After the first failed write (the client went away) every later write is skipped.
/// </summary>
public sealed class ServerSentEventWriter : IAsyncDisposable
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] FrameEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Heartbeat = ": ping\n\n"u8.ToArray();

    private readonly Stream _body;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeats;
    private long _lastWrite;

    public ServerSentEventWriter(Stream body, TimeSpan heartbeatInterval, TimeProvider clock)
    {
        _body = body;
        _clock = clock;
        HeartbeatInterval = heartbeatInterval;
        _lastWrite = clock.GetTimestamp();
        _heartbeats = heartbeatInterval > TimeSpan.Zero ? SendHeartbeatsAsync() : Task.CompletedTask;
    }

    public TimeSpan HeartbeatInterval { get; }

    /// <summary>False once a write failed: the client is gone.</summary>
    public bool IsConnected { get; private set; } = true;

    /// <summary>Writes one frame whose JSON is <paramref name="json"/> (compact, one line).</summary>
    public async Task WriteFrameAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        if (json.Span.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            throw new ArgumentException("A frame's JSON must be on one line.", nameof(json));
        }

        await WriteAsync(
            async ct =>
            {
                await _body.WriteAsync(DataPrefix, ct);
                await _body.WriteAsync(json, ct);
                await _body.WriteAsync(FrameEnd, ct);
            },
            cancellationToken);
    }

    public Task WriteFrameAsync(string json, CancellationToken cancellationToken) =>
        WriteFrameAsync(Encoding.UTF8.GetBytes(json), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _heartbeats;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _lock.Dispose();
    }

    private async Task WriteAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!IsConnected)
            {
                return;
            }

            await write(cancellationToken);
            await _body.FlushAsync(cancellationToken);
            Interlocked.Exchange(ref _lastWrite, _clock.GetTimestamp());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            IsConnected = false;
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task SendHeartbeatsAsync()
    {
        // Wake up often enough that a ping follows any silence of the interval within a small fraction of it.
        var tick = TimeSpan.FromTicks(Math.Max(HeartbeatInterval.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks));
        using var timer = new PeriodicTimer(tick, _clock);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            if (_clock.GetElapsedTime(Interlocked.Read(ref _lastWrite)) >= HeartbeatInterval)
            {
                await WriteAsync(async ct => await _body.WriteAsync(Heartbeat, ct), _stop.Token);
            }
        }
    }
}
