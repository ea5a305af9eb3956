using System.Diagnostics;
using System.Text.Json;

namespace Chat9.Benchmarks.Chat;

/// <summary>One request's timings as the client saw them; <see cref="Error"/> is null for a good turn.</summary>
public readonly record struct TurnSample(double FirstFrameMs, double DoneMs, string? Error, Guid MessageId);

/// <summary>What a good stream looks like: Chat9's frames (sse.md) or an OpenAI chat-completions stream.</summary>
public sealed record StreamExpectation(bool OpenAIFormat, int Frames, int Chunks, string? Text)
{
    public static StreamExpectation Chat9(int chunks, string text) => new(false, 0, chunks, text);

    public static StreamExpectation OpenAI(int frames) => new(true, frames, 0, null);
}

/// <summary>
/// The client side of one streamed request: sends it, reads the server-sent events as bytes and notes when the first
/// frame and the last one (<c>done</c>, or <c>[DONE]</c> for the model) arrived. Every turn is checked: a Chat9 turn
/// counts only if its <c>done.text</c> is the model's reply and it streamed the expected number of chunks, so a turn
/// that skipped the model (e.g. a low-confidence canned reply) is an error, not a fast sample.
/// </summary>
public static class StreamedTurn
{
    private static readonly byte[] ChunkPrefix = "data: {\"type\":\"chunk\""u8.ToArray();
    private static readonly byte[] DonePrefix = "data: {\"type\":\"done\""u8.ToArray();
    private static readonly byte[] ErrorPrefix = "data: {\"type\":\"error\""u8.ToArray();
    private static readonly byte[] OpenAIDone = "data: [DONE]"u8.ToArray();

    /// <param name="onChunk">Called with the arrival time (<see cref="Stopwatch.GetTimestamp"/>) of each chunk frame.</param>
    /// <param name="onOpen">Called once the response headers arrived (the stream is open).</param>
    public static async Task<TurnSample> RunAsync(
        HttpClient client, Func<HttpRequestMessage> request, StreamExpectation expected, Action<long>? onChunk = null, Action? onOpen = null)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                return Failed($"HTTP {(int)response.StatusCode}");
            }

            onOpen?.Invoke();
            await using var body = await response.Content.ReadAsStreamAsync();
            var reader = new FrameReader(body);
            var first = -1.0;
            var frames = 0;
            var chunks = 0;
            while (await reader.NextAsync())
            {
                var now = Stopwatch.GetTimestamp();
                var frame = reader.Current;
                if (frame.Span[0] == (byte)':')
                {
                    continue; // heartbeat
                }

                frames++;
                if (first < 0)
                {
                    first = Ms(started, now);
                }

                var span = frame.Span;
                if (expected.OpenAIFormat)
                {
                    if (span.SequenceEqual(OpenAIDone))
                    {
                        var done = Ms(started, now);
                        await reader.DrainAsync();
                        return frames == expected.Frames ? new TurnSample(first, done, null, Guid.Empty) : Failed($"{frames} model frames");
                    }

                    continue;
                }

                if (span.StartsWith(ChunkPrefix))
                {
                    chunks++;
                    onChunk?.Invoke(now);
                }
                else if (span.StartsWith(DonePrefix))
                {
                    var done = Ms(started, now);
                    var (text, messageId) = ReadDone(span);
                    await reader.DrainAsync();
                    return text != expected.Text ? Failed("done.text is not the model's reply")
                        : chunks != expected.Chunks ? Failed($"{chunks} chunks")
                        : new TurnSample(first, done, null, messageId);
                }
                else if (span.StartsWith(ErrorPrefix))
                {
                    using var error = JsonDocument.Parse(frame[6..]);
                    return Failed($"error frame {error.RootElement.GetProperty("code").GetInt32()}");
                }
            }

            return Failed("stream ended without its last frame");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return Failed(ex.GetType().Name);
        }
    }

    /// <summary>A whole Chat9 stream as its frame lines (for the probe turn and the bare server's replay).</summary>
    public static async Task<string[]> CaptureAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {body}");
        }

        return body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static (string? Text, Guid MessageId) ReadDone(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame[6..]);
        string? text = null;
        var messageId = Guid.Empty;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = reader.GetString();
            }
            else if (reader.ValueTextEquals("message_id"u8))
            {
                reader.Read();
                messageId = reader.GetGuid();
            }
        }

        return (text, messageId);
    }

    private static TurnSample Failed(string error) => new(double.NaN, double.NaN, error, Guid.Empty);

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Splits a response body on blank lines (<c>\n\n</c>) without decoding it.</summary>
    private sealed class FrameReader(Stream body)
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;
        private int _scanned;

        /// <summary>The current frame without its blank line; valid until the next call.</summary>
        public ReadOnlyMemory<byte> Current { get; private set; }

        public async ValueTask<bool> NextAsync()
        {
            while (true)
            {
                var found = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf("\n\n"u8);
                if (found >= 0)
                {
                    var endOfFrame = _scanned + found;
                    Current = _buffer.AsMemory(_start, endOfFrame - _start);
                    _start = _scanned = endOfFrame + 2;
                    return true;
                }

                // Keep one byte back: it may be the first '\n' of a separator that the next read completes.
                _scanned = Math.Max(_start, _end - 1);
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _scanned -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var read = await body.ReadAsync(_buffer.AsMemory(_end));
                if (read == 0)
                {
                    return false;
                }

                _end += read;
            }
        }

        /// <summary>Reads to the end of the response so that the connection can be reused.</summary>
        public async ValueTask DrainAsync()
        {
            while (await body.ReadAsync(_buffer) > 0)
            {
            }
        }
    }

}
