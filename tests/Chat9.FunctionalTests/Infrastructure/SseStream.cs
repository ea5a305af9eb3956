using System.Text.Json;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>
/// A chat answer stream parsed strictly by the rules of sse.md: only <c>data: {json}</c> frames and <c>: ping</c>
/// comments, each followed by one blank line, nothing else. Parsing fails the test on any other byte.
/// </summary>
public sealed class SseStream
{
    private SseStream(IReadOnlyList<JsonElement> frames, int heartbeats)
    {
        Frames = frames;
        Heartbeats = heartbeats;
    }

    public IReadOnlyList<JsonElement> Frames { get; }

    public int Heartbeats { get; }

    public IEnumerable<string> Types => Frames.Select(f => f.GetProperty("type").GetString()!);

    public IEnumerable<string> Stages => Frames.Where(f => f.GetProperty("type").GetString() == "status").Select(f => f.GetProperty("stage").GetString()!);

    public string ChunkText => string.Concat(Frames.Where(f => f.GetProperty("type").GetString() == "chunk").Select(f => f.GetProperty("text").GetString()));

    public JsonElement Last => Frames[^1];

    public JsonElement Done => Frames.Single(f => f.GetProperty("type").GetString() == "done");

    public static SseStream Parse(string body)
    {
        var frames = new List<JsonElement>();
        var heartbeats = 0;
        var rest = body;
        while (rest.Length > 0)
        {
            var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
            Assert.That(end, Is.GreaterThan(0), $"Unterminated frame: {rest}");
            var line = rest[..end];
            rest = rest[(end + 2)..];
            Assert.That(line, Does.Not.Contain('\n'), "A frame is exactly one line");
            if (line == ": ping")
            {
                heartbeats++;
                continue;
            }

            Assert.That(line, Does.StartWith("data: {"), $"Unexpected line: {line}");
            frames.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
        }

        return new SseStream(frames, heartbeats);
    }

    /// <summary>
    /// The grammar of sse.md: <c>status(thinking)</c> first; stages at most once each and in order; non-empty chunks;
    /// exactly one terminal frame (<c>done</c> or <c>error</c>), last; for <c>done</c>, its text is the chunks' concatenation.
    /// </summary>
    public SseStream AssertWellFormed()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Frames, Is.Not.Empty);
            Assert.That(Frames[0].GetRawText(), Is.EqualTo("""{"type":"status","stage":"thinking"}"""));
            var stages = Stages.ToList();
            Assert.That(stages, Is.Unique);
            Assert.That(stages, Is.EqualTo(stages.OrderBy(s => Array.IndexOf(["thinking", "searching", "writing"], s)).ToList()), "stage order");
            Assert.That(Frames.Where(f => f.GetProperty("type").GetString() == "chunk").Select(f => f.GetProperty("text").GetString()), Has.All.Not.Empty);
            var terminal = Types.Count(t => t is "done" or "error");
            Assert.That(terminal, Is.EqualTo(1), "exactly one done or error");
            Assert.That(Types.Last(), Is.AnyOf("done", "error"), "the terminal frame is last");
            if (Types.Last() == "done")
            {
                Assert.That(Done.GetProperty("text").GetString(), Is.EqualTo(ChunkText), "done.text is the concatenation of the chunks");
            }
        }

        return this;
    }
}
