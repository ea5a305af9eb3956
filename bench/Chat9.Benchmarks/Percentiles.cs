using System.Diagnostics;

namespace Chat9.Benchmarks;

/// <summary>Latency distribution of an operation measured one call at a time (BenchmarkDotNet reports means, not p99).</summary>
public static class Percentiles
{
    public static LatencySummary Measure(int warmup, int iterations, Action operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            operation();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            operation();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return Summarize(samples);
    }

    /// <summary>The distribution of samples measured elsewhere (e.g. by concurrent clients). Sorts the array in place.</summary>
    public static LatencySummary Summarize(double[] samples)
    {
        if (samples.Length == 0)
        {
            return new LatencySummary(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(samples);
        return new LatencySummary(At(samples, 0.50), At(samples, 0.95), At(samples, 0.99), samples[^1]);
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

public sealed record LatencySummary(double P50, double P95, double P99, double Max)
{
    public override string ToString() => $"p50 {P50:F3} ms, p95 {P95:F3} ms, p99 {P99:F3} ms, max {Max:F3} ms";
}
