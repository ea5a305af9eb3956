using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Chat9.Benchmarks.Chat;

namespace Chat9.Benchmarks.Load;

/// <summary>
/// <c>report visitors</c> (issue 7): simulated widget visitors against the real server over loopback. Each visitor, in a
/// closed loop, opens a session (<c>POST /widget/session/init</c>), sends <see cref="Options.TurnsPerVisitor"/> turns
/// over SSE (<c>POST /widget/chat</c>) and reads the history (<c>GET /widget/history</c>), then starts over as a new
/// visitor. The fake model streams its reply in <see cref="Options.ModelChunks"/> chunks, one every
/// <see cref="Options.TokenMs"/> ms. In the same run, a bare ASP.NET Core endpoint streams the same frames at the same
/// pace (the floor for "a server that streams this"). Afterwards every turn is checked in the database.
/// </summary>
public static class VisitorLoadReport
{
    public sealed record Options(int[] Visitors, TimeSpan Measured, int TurnsPerVisitor, int ModelChunks, double TokenMs);

    private sealed class Run(string target, int visitors)
    {
        public string Target { get; } = target;

        public int Visitors { get; } = visitors;

        public LoadResult Turns { get; } = new(target, visitors);

        public List<double> InitMs { get; } = [];

        public List<double> HistoryMs { get; } = [];

        public List<string> Errors { get; } = [];

        public List<VisitorSession> Sessions { get; } = [];

        public long PeakResidentBytes { get; set; }

        public long StartResidentBytes { get; set; }
    }

    public static Task RunAsync(Options options) => BenchFolder.RunInAsync("chat9-bench-visitors-", root => RunInAsync(root, options));

    private static async Task RunInAsync(string root, Options options)
    {
        Console.WriteLine();
        Console.WriteLine($"## Visitors (issue 7): session/init → {options.TurnsPerVisitor} widget turns over SSE → history, " +
                          $"model streaming {options.ModelChunks} chunks every {options.TokenMs} ms");
        var setup = Stopwatch.StartNew();
        await using var target = await LoadTarget.StartAsync(root, options.ModelChunks, options.TokenMs, answerTimeoutSeconds: 300);
        var framesFile = Path.Combine(root, "frames.txt");
        await File.WriteAllLinesAsync(framesFile, target.Frames);
        await using var bare = await ChildServer.StartAsync(root, "bare", framesFile, options.TokenMs.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"set-up {setup.Elapsed.TotalSeconds:F0} s: {target.Knowledge.Questions.Count} questions over 20,000 chunks; " +
                          $"a turn streams {target.Frames.Length} frames ({target.ChunkFrames} chunks); chat9 [{target.Chat9.Details}], bare [{bare.Details}], model [{target.Model.Details}]");

        var expectation = StreamExpectation.Chat9(target.ChunkFrames, LoadTarget.Reply);
        var runs = new List<Run>();
        var maxVisitors = options.Visitors.Max();
        using var chat9Client = ChatTurnReport.Client(target.Chat9.BaseAddress, maxVisitors + 16, TimeSpan.FromMinutes(5));
        using var bareClient = ChatTurnReport.Client(bare.BaseAddress, maxVisitors + 16, TimeSpan.FromMinutes(5));
        var questionBody = System.Text.Encoding.UTF8.GetBytes("{\"message\":\"x\"}");

        // Warm-up: connections, JIT, the server's search index.
        await VisitorsAsync(target, chat9Client, expectation, new Run("warm-up", 16), 16, TimeSpan.FromSeconds(5), options.TurnsPerVisitor, null);

        foreach (var visitors in options.Visitors)
        {
            var chat9Run = new Run("chat9", visitors);
            var bareRun = new Run("bare", visitors);
            var cpu = new Dictionary<string, Func<TimeSpan>>
            {
                ["client"] = () => Process.GetCurrentProcess().TotalProcessorTime,
                ["chat9"] = () => target.Chat9.CpuTime,
                ["model"] = () => target.Model.CpuTime,
                [MachineCpu.Name] = MachineCpu.BusyTime,
            };
            Console.Error.WriteLine($"… chat9, {visitors} visitors");
            var cpuBefore = cpu.ToDictionary(p => p.Key, p => p.Value());
            chat9Run.StartResidentBytes = target.Chat9.ResidentBytes;
            using (var sampler = new ResidentSampler(target.Chat9))
            {
                var started = Stopwatch.GetTimestamp();
                await VisitorsAsync(target, chat9Client, expectation, chat9Run, visitors, options.Measured, options.TurnsPerVisitor, null);
                chat9Run.Turns.Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                chat9Run.PeakResidentBytes = sampler.Peak;
            }

            foreach (var (process, read) in cpu)
            {
                chat9Run.Turns.Cpu[process] = read() - cpuBefore[process];
            }

            Console.Error.WriteLine($"… bare, {visitors} visitors");
            var bareStarted = Stopwatch.GetTimestamp();
            await LoadRunner.RunForAsync(bareRun.Turns, options.Measured,
                () => StreamedTurn.RunAsync(bareClient, () => BareRequest(questionBody), expectation), new Dictionary<string, Func<TimeSpan>>());
            runs.Add(chat9Run);
            runs.Add(bareRun);
        }

        await target.Chat9.StopAsync();
        var check = await StoredTurnsCheck.RunAsync(target.DatabaseFile, [.. runs.Where(r => r.Target == "chat9").SelectMany(r => r.Sessions)]);
        Print(runs, options);
        Console.WriteLine();
        Console.WriteLine($"stored exactly once: {check.Turns:N0} turns in {check.Sessions:N0} sessions checked in the database, {check.Problems} problem(s)");
        foreach (var example in check.Examples)
        {
            Console.WriteLine($"  {example}");
        }
    }

    /// <summary>Runs <paramref name="visitors"/> visitor loops for <paramref name="duration"/> (visits under way at the end are finished).</summary>
    private static async Task VisitorsAsync(
        LoadTarget target, HttpClient client, StreamExpectation expectation, Run run, int visitors, TimeSpan duration, int turns, Action? onTurn)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var questions = target.Knowledge.Questions;
        var loops = Enumerable.Range(0, visitors).Select(visitor => Task.Run(async () =>
        {
            var next = visitor * 7919;
            while (Stopwatch.GetTimestamp() < end)
            {
                var initStarted = Stopwatch.GetTimestamp();
                Guid sessionId;
                try
                {
                    using var init = await client.SendAsync(target.InitRequest());
                    if (!init.IsSuccessStatusCode)
                    {
                        Record(run, $"init HTTP {(int)init.StatusCode}");
                        continue;
                    }

                    sessionId = (await init.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session_id").GetGuid();
                    lock (run)
                    {
                        run.InitMs.Add(Stopwatch.GetElapsedTime(initStarted).TotalMilliseconds);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    Record(run, $"init {ex.GetType().Name}");
                    continue;
                }

                var sent = new List<string>();
                var answered = new List<Guid>();
                var failed = 0;
                for (var t = 0; t < turns; t++)
                {
                    var question = questions[(next++ & int.MaxValue) % questions.Count];
                    sent.Add(question);
                    var sample = await StreamedTurn.RunAsync(client, () => target.ChatRequest(sessionId, question), expectation);
                    lock (run)
                    {
                        run.Turns.Samples.Add(sample);
                    }

                    onTurn?.Invoke();
                    if (sample.Error is null)
                    {
                        answered.Add(sample.MessageId);
                    }
                    else
                    {
                        failed++;
                    }
                }

                var historyStarted = Stopwatch.GetTimestamp();
                try
                {
                    using var history = await client.SendAsync(target.HistoryRequest(sessionId));
                    var body = await history.Content.ReadFromJsonAsync<JsonElement>();
                    var messages = history.IsSuccessStatusCode ? body.GetProperty("messages").GetArrayLength() : -1;
                    if (messages != sent.Count + answered.Count && failed == 0)
                    {
                        Record(run, history.IsSuccessStatusCode ? "history: wrong message count" : $"history HTTP {(int)history.StatusCode}");
                    }
                    else
                    {
                        lock (run)
                        {
                            run.HistoryMs.Add(Stopwatch.GetElapsedTime(historyStarted).TotalMilliseconds);
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
                {
                    Record(run, $"history {ex.GetType().Name}");
                }

                lock (run)
                {
                    run.Sessions.Add(new VisitorSession(sessionId, sent, answered, failed));
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
    }

    private static void Record(Run run, string error)
    {
        lock (run)
        {
            run.Errors.Add(error);
        }
    }

    private static HttpRequestMessage BareRequest(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/bare") { Content = content };
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }

    private static void Print(List<Run> runs, Options options)
    {
        Console.WriteLine();
        Console.WriteLine($"Measured {options.Measured.TotalSeconds:F0} s per target and visitor count; times in ms; a turn is one streamed answer.");
        Console.WriteLine();
        Console.WriteLine("| Target | Visitors | Turns/s | First frame p50 / p95 / p99 | Done p50 / p95 / p99 | Init p50 / p99 | History p50 / p99 | Errors | Server CPU ms/turn | Server RSS start → peak | Machine CPU |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            var turns = run.Turns;
            var first = turns.FirstFrame;
            var done = turns.Done;
            var errors = string.Join(", ", run.Errors.Concat(turns.Samples.Where(s => s.Error is not null).Select(s => s.Error!))
                .GroupBy(e => e).Select(g => $"{g.Key} ×{g.Count()}"));
            var init = Percentiles.Summarize([.. run.InitMs]);
            var history = Percentiles.Summarize([.. run.HistoryMs]);
            var machine = turns.Cpu.TryGetValue(MachineCpu.Name, out var busy) && turns.Seconds > 0
                ? $"{busy.TotalSeconds / turns.Seconds / Environment.ProcessorCount * 100:F0} %" : "—";
            Console.WriteLine($"| {run.Target} | {run.Visitors} | {turns.TurnsPerSecond:F1} | {F(first.P50)} / {F(first.P95)} / {F(first.P99)} | " +
                              $"{F(done.P50)} / {F(done.P95)} / {F(done.P99)} | " +
                              (run.Target == "bare" ? "— | — | " : $"{F(init.P50)} / {F(init.P99)} | {F(history.P50)} / {F(history.P99)} | ") +
                              $"{(errors.Length == 0 ? "0" : errors)} | {(run.Target == "bare" ? "—" : F(turns.CpuMsPerTurn("chat9")))} | " +
                              (run.Target == "bare" ? "— | " : $"{run.StartResidentBytes / 1048576.0:F0} → {run.PeakResidentBytes / 1048576.0:F0} MiB | ") +
                              $"{machine} |");
        }

        Console.WriteLine();
        foreach (var visitors in runs.Select(r => r.Visitors).Distinct())
        {
            var chat9 = runs.Single(r => r.Target == "chat9" && r.Visitors == visitors).Turns;
            var bare = runs.Single(r => r.Target == "bare" && r.Visitors == visitors).Turns;
            Console.WriteLine($"{visitors} visitors: Chat9 / bare turns/s = {chat9.TurnsPerSecond:F1} / {bare.TurnsPerSecond:F1} = {chat9.TurnsPerSecond / bare.TurnsPerSecond:P0}; " +
                              $"done p50 Chat9 / bare = {chat9.Done.P50 / bare.Done.P50:F2}×; first frame p50 Chat9 − bare = {chat9.FirstFrame.P50 - bare.FirstFrame.P50:F1} ms");
        }
    }

    private static string F(double value) => double.IsNaN(value) ? "—" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}

/// <summary>Samples a child's resident memory every 250 ms and keeps the peak.</summary>
public sealed class ResidentSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public ResidentSampler(ChildServer server)
    {
        _peak = server.ResidentBytes;
        _timer = new Timer(_ => Sample(server), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose() => _timer.Dispose();

    private void Sample(ChildServer server)
    {
        var now = server.ResidentBytes;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}
