namespace Chat9.Benchmarks.Chat;

/// <summary>A temporary folder for one report's servers and data, deleted afterwards unless <c>CHAT9_BENCH_KEEP=1</c>.</summary>
public static class BenchFolder
{
    public static async Task RunInAsync(string prefix, Func<string, Task> run)
    {
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        try
        {
            await run(root);
        }
        finally
        {
            // CHAT9_BENCH_KEEP=1 keeps the data folder (SQLite database, captured frames) for inspection.
            if (Environment.GetEnvironmentVariable("CHAT9_BENCH_KEEP") == "1")
            {
                Console.WriteLine($"kept {root}");
            }
            else
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
