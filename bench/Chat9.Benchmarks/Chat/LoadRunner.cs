using System.Diagnostics;

namespace Chat9.Benchmarks.Chat;

/// <summary>Samples of one target at one concurrency, gathered over one or more timed rounds.</summary>
public sealed class LoadResult(string target, int clients)
{
    public string Target { get; } = target;

    public int Clients { get; } = clients;

    public List<TurnSample> Samples { get; } = [];

    /// <summary>Wall-clock seconds of the timed rounds.</summary>
    public double Seconds { get; set; }

    /// <summary>CPU time used during the rounds, by process (client, chat9, bare, model).</summary>
    public Dictionary<string, TimeSpan> Cpu { get; } = [];

    public IEnumerable<TurnSample> Good => Samples.Where(s => s.Error is null);

    public int GoodCount => Samples.Count(s => s.Error is null);

    public double TurnsPerSecond => GoodCount / Seconds;

    public LatencySummary FirstFrame => Percentiles.Summarize([.. Good.Select(s => s.FirstFrameMs)]);

    public LatencySummary Done => Percentiles.Summarize([.. Good.Select(s => s.DoneMs)]);

    public string Errors => string.Join(", ", Samples.Where(s => s.Error is not null).GroupBy(s => s.Error).Select(g => $"{g.Key} ×{g.Count()}"));

    public double CpuMsPerTurn(string process) => Cpu.TryGetValue(process, out var cpu) ? cpu.TotalMilliseconds / Math.Max(1, Samples.Count) : double.NaN;
}

/// <summary>Closed-loop load: each client sends its next turn as soon as the previous one ended.</summary>
public static class LoadRunner
{
    /// <summary>Runs <paramref name="clients"/> loops for <paramref name="duration"/> (turns started before the end are
    /// finished and counted; the elapsed time runs until the last one ends) and adds to <paramref name="result"/>.</summary>
    public static async Task RunForAsync(LoadResult result, TimeSpan duration, Func<Task<TurnSample>> turn, IReadOnlyDictionary<string, Func<TimeSpan>> cpu)
    {
        var cpuBefore = cpu.ToDictionary(p => p.Key, p => p.Value());
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, result.Clients).Select(_ => Task.Run(async () =>
        {
            var samples = new List<TurnSample>();
            while (Stopwatch.GetTimestamp() < end)
            {
                samples.Add(await turn());
            }

            return samples;
        })).ToArray();
        var all = await Task.WhenAll(loops);
        result.Seconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var (process, read) in cpu)
        {
            result.Cpu[process] = result.Cpu.GetValueOrDefault(process) + (read() - cpuBefore[process]);
        }

        foreach (var samples in all)
        {
            result.Samples.AddRange(samples);
        }
    }

    /// <summary>Warm-up: <paramref name="turns"/> turns over <paramref name="clients"/> loops; returns the errors seen.</summary>
    public static async Task<string[]> RunCountAsync(int clients, int turns, Func<Task<TurnSample>> turn)
    {
        var left = turns;
        var errors = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var sample = await turn();
                if (sample.Error is not null)
                {
                    lock (errors)
                    {
                        errors.Add(sample.Error);
                    }
                }
            }
        })));
        return [.. errors];
    }
}

/// <summary>Busy CPU time of the whole machine (all processes, from /proc/stat), to show how saturated a phase was.</summary>
public static class MachineCpu
{
    public const string Name = "machine";

    public static TimeSpan BusyTime()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice, in clock ticks (USER_HZ, 100 on Linux).
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(long.Parse).ToArray();
            var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
            return TimeSpan.FromMilliseconds(busy * 10.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
