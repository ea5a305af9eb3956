using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>
/// An SMTP server on a loopback port that keeps every message (the plain protocol, no TLS, no auth): a support
/// inbox for tests. It can refuse the next messages with a temporary error, as a mail server under load does.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _refuseNext;

    private SmtpSink(TcpListener listener)
    {
        _listener = listener;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Raw messages (headers and body, as sent after DATA).</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    public int RefusedCount { get; private set; }

    public static SmtpSink Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SmtpSink(listener);
    }

    /// <summary>The next <paramref name="count"/> messages are refused with <c>451</c> after DATA.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuseNext, count);

    public async Task<List<string>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Messages.Count < count)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"Messages received so far: {Messages.Count}");
            await Task.Delay(50);
        }

        return [.. Messages];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink.test ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Split(' ')[0].ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 sink.test");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        if (Interlocked.Decrement(ref _refuseNext) >= 0)
                        {
                            RefusedCount++;
                            await writer.WriteLineAsync("451 4.3.0 Try again later");
                        }
                        else
                        {
                            Messages.Enqueue(data.ToString());
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                        }

                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }
}
