using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Chat9.Benchmarks.Chat;

namespace Chat9.Benchmarks.Load;

/// <summary>
/// <c>report streams</c> (issue 7): many widget answers open at the same time against a slow model. Visitors start
/// over <see cref="Options.RampSeconds"/> (session/init, then one turn each); the model streams each reply in
/// <see cref="Options.ModelChunks"/> chunks, one every <see cref="Options.TokenMs"/> ms, so every stream stays open
/// for about chunks × token time. Reported: the most streams open at once, the server's resident memory per open
/// stream (peak minus the idle figure before the ramp, divided by the streams open at the peak), and the chunk gaps the
/// visitors saw (ideal: the model's token time), then the stored-exactly-once check.
/// </summary>
public static class OpenStreamsReport
{
    public sealed record Options(int Streams, double RampSeconds, int ModelChunks, double TokenMs);

    public static Task RunAsync(Options options) => BenchFolder.RunInAsync("chat9-bench-streams-", root => RunInAsync(root, options));

    private static async Task RunInAsync(string root, Options options)
    {
        Console.WriteLine();
        Console.WriteLine($"## Open streams (issue 7): {options.Streams:N0} widget answers, started over {options.RampSeconds} s, " +
                          $"model streaming {options.ModelChunks} chunks every {options.TokenMs} ms");
        var answerSeconds = (int)Math.Ceiling(options.ModelChunks * options.TokenMs / 1000 + options.RampSeconds + 120);
        await using var target = await LoadTarget.StartAsync(root, options.ModelChunks, options.TokenMs, answerSeconds);
        using var client = ChatTurnReport.Client(target.Chat9.BaseAddress, options.Streams + 64, TimeSpan.FromSeconds(answerSeconds + 60));
        var expectation = StreamExpectation.Chat9(target.ChunkFrames, LoadTarget.Reply);

        // Settle after the probe, then take the idle figures.
        await Task.Delay(TimeSpan.FromSeconds(3));
        GC.Collect();
        var idleResident = target.Chat9.ResidentBytes;
        var cpuBefore = target.Chat9.CpuTime;

        var open = 0;
        var peakOpen = 0;
        long residentAtPeak = 0;
        var gaps = new List<double>[options.Streams];
        var samples = new TurnSample[options.Streams];
        var sessions = new VisitorSession?[options.Streams];
        var initErrors = new List<string>();
        var started = Stopwatch.GetTimestamp();
        using var sampler = new Timer(_ =>
        {
            var now = Volatile.Read(ref open);
            if (now >= Volatile.Read(ref peakOpen))
            {
                Volatile.Write(ref peakOpen, now);
                Interlocked.Exchange(ref residentAtPeak, target.Chat9.ResidentBytes);
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));

        var tasks = Enumerable.Range(0, options.Streams).Select(async i =>
        {
            // Spread the starts evenly over the ramp.
            var startAt = started + (long)(options.RampSeconds * Stopwatch.Frequency * i / options.Streams);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), startAt);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            Guid sessionId;
            try
            {
                using var init = await client.SendAsync(target.InitRequest());
                if (!init.IsSuccessStatusCode)
                {
                    lock (initErrors)
                    {
                        initErrors.Add($"init HTTP {(int)init.StatusCode}");
                    }

                    return;
                }

                sessionId = (await init.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session_id").GetGuid();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                lock (initErrors)
                {
                    initErrors.Add($"init {ex.GetType().Name}");
                }

                return;
            }

            var question = target.Knowledge.Questions[i % target.Knowledge.Questions.Count];
            var chunkGaps = new List<double>(options.ModelChunks);
            long previous = 0;
            var opened = false;
            try
            {
                samples[i] = await StreamedTurn.RunAsync(client, () => target.ChatRequest(sessionId, question), expectation,
                    onChunk: at =>
                    {
                        if (previous != 0)
                        {
                            chunkGaps.Add(Stopwatch.GetElapsedTime(previous, at).TotalMilliseconds);
                        }

                        previous = at;
                    },
                    onOpen: () =>
                    {
                        opened = true;
                        Interlocked.Increment(ref open);
                    });
            }
            finally
            {
                if (opened)
                {
                    Interlocked.Decrement(ref open);
                }
            }

            gaps[i] = chunkGaps;
            sessions[i] = new VisitorSession(sessionId, [question], samples[i].Error is null ? [samples[i].MessageId] : [], samples[i].Error is null ? 0 : 1);
        }).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = target.Chat9.CpuTime - cpuBefore;
        await target.Chat9.StopAsync();

        var good = samples.Where(s => s.Error is null && s.DoneMs > 0).ToList();
        var errors = samples.Where(s => s.Error is not null).Select(s => s.Error!).Concat(initErrors)
            .GroupBy(e => e).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        var allGaps = gaps.Where(g => g is not null).SelectMany(g => g).ToArray();
        var gapSummary = Percentiles.Summarize(allGaps);
        var first = Percentiles.Summarize([.. good.Select(s => s.FirstFrameMs)]);
        var done = Percentiles.Summarize([.. good.Select(s => s.DoneMs)]);
        var perStream = peakOpen > 0 ? (Interlocked.Read(ref residentAtPeak) - idleResident) / (double)peakOpen : double.NaN;
        var check = await StoredTurnsCheck.RunAsync(target.DatabaseFile, [.. sessions.Where(s => s is not null).Select(s => s!)]);

        Console.WriteLine();
        Console.WriteLine("| Figure | Value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| Streams completed / started | {good.Count:N0} / {options.Streams:N0} in {elapsed.TotalSeconds:F0} s |");
        Console.WriteLine($"| Most streams open at once | {peakOpen:N0} |");
        Console.WriteLine($"| Server resident memory: idle → at that peak | {idleResident / 1048576.0:F0} MiB → {Interlocked.Read(ref residentAtPeak) / 1048576.0:F0} MiB |");
        Console.WriteLine($"| Memory per open stream | {perStream / 1024:F1} KiB |");
        Console.WriteLine($"| Chunk gap seen by visitors p50 / p99 / max (model: {options.TokenMs} ms) | {F(gapSummary.P50)} / {F(gapSummary.P99)} / {F(gapSummary.Max)} ms ({allGaps.Length:N0} gaps) |");
        Console.WriteLine($"| First frame p50 / p99 | {F(first.P50)} / {F(first.P99)} ms |");
        Console.WriteLine($"| Done p50 / p99 (ideal ≈ {(options.ModelChunks - 1) * options.TokenMs:F0} ms: the first chunk comes at once) | {F(done.P50)} / {F(done.P99)} ms |");
        Console.WriteLine($"| Server CPU over the run | {cpu.TotalSeconds:F1} s ({cpu.TotalMilliseconds / Math.Max(1, good.Count):F1} ms per stream) |");
        Console.WriteLine($"| Errors | {(errors.Count == 0 ? "0" : string.Join(", ", errors))} |");
        Console.WriteLine($"| Stored exactly once | {check.Turns:N0} turns checked, {check.Problems} problem(s) |");
        foreach (var example in check.Examples)
        {
            Console.WriteLine($"  {example}");
        }
    }

    private static string F(double value) => double.IsNaN(value) ? "—" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
