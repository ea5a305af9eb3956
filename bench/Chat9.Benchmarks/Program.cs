using System.Diagnostics;
using System.Runtime;
using BenchmarkDotNet.Running;
using Chat9.Benchmarks;
using Chat9.Benchmarks.Chat;
using Chat9.Benchmarks.Load;
using System.Globalization;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Search;

// `report [retrieval|vectors|memory|ingestion|chat|visitors|streams ...] [--seconds=N] [options]` prints the figures of
// docs/benchmarks.md (percentiles, throughput, memory) in one run. Without a section it runs the first four; `chat`,
// `visitors` and `streams` (load against the real server, minutes each) run only when named.
// visitors: --visitors=16,256 --turns=3 --chunks=20 --token-ms=20; streams: --streams=5000 --ramp-seconds=40 --chunks=60 --token-ms=1000.
// `--server-gc=false` runs the servers under test with workstation GC (default: server GC, as src/WebApi).
// `__serve …` is a child process of `report chat` (a server under test); anything else goes to BenchmarkDotNet
// (e.g. `--filter *RetrievalBenchmarks*`).
if (args is ["__serve", ..])
{
    return await ChildServe.RunAsync(args[1..]);
}

if (args is ["report", ..])
{
    await Report.RunAsync(args[1..]);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Report).Assembly).Run(args);
return 0;

internal static class Report
{
    public static async Task RunAsync(string[] args)
    {
        var sections = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        // `--seconds=N`: measured seconds per server and concurrency in the chat section (default 20).
        var seconds = args.Where(a => a.StartsWith("--seconds=", StringComparison.Ordinal))
            .Select(a => double.Parse(a["--seconds=".Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(20).Last();
        ChildServer.ServerGc = Option("--server-gc", "true") != "false";
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, " +
                          $"server GC: load generator {GCSettings.IsServerGC}, servers under test {ChildServer.ServerGc}");
        var all = new (string Name, bool ByDefault, Func<Task> Run)[]
        {
            ("retrieval", true, Sync(Retrieval)), ("vectors", true, Sync(Vectors)), ("memory", true, Sync(Memory)), ("ingestion", true, Sync(Ingestion)),
            ("chat", false, () => ChatTurnReport.RunAsync(TimeSpan.FromSeconds(seconds), sqliteAnalyze: args.Contains("--sqlite-analyze"))),
            ("visitors", false, () => VisitorLoadReport.RunAsync(new VisitorLoadReport.Options(
                [.. Option("--visitors", "16,256").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))],
                TimeSpan.FromSeconds(seconds), (int)Number("--turns", 3), (int)Number("--chunks", 20), Number("--token-ms", 20)))),
            ("streams", false, () => OpenStreamsReport.RunAsync(new OpenStreamsReport.Options(
                (int)Number("--streams", 5000), Number("--ramp-seconds", 40), (int)Number("--chunks", 60), Number("--token-ms", 1000)))),
        };
        foreach (var (_, _, run) in all.Where(s => sections.Length == 0 ? s.ByDefault : sections.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
        {
            await run();
        }

        string Option(string name, string fallback) =>
            args.Where(a => a.StartsWith(name + "=", StringComparison.Ordinal)).Select(a => a[(name.Length + 1)..]).DefaultIfEmpty(fallback).Last();

        double Number(string name, double fallback) => double.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        static Func<Task> Sync(Action action) => () =>
        {
            action();
            return Task.CompletedTask;
        };
    }

    private static void Retrieval()
    {
        var analyzer = new TextAnalyzer();
        var corpus = new SyntheticCorpus();
        var chunks = Enumerable.Range(0, 20_000).Select(_ => new IndexedChunk(Guid.NewGuid(), Guid.NewGuid(), corpus.Paragraph(300), "en")).ToList();
        var build = Stopwatch.StartNew();
        var index = Bm25Index.Build(chunks, analyzer);
        build.Stop();
        var queries = Enumerable.Range(0, 512).Select(_ => corpus.Query(8)).ToArray();
        var next = 0;

        var baseline = Percentiles.Measure(500, 5_000, () => analyzer.Analyze(queries[next++ & 511], "en"));
        var search = Percentiles.Measure(500, 5_000, () => index.Search(queries[next++ & 511], 20));
        Console.WriteLine();
        Console.WriteLine("## Retrieval: 20,000 chunks × ~300 words, 8-term queries, top 20, warm, 5,000 queries");
        Console.WriteLine($"index build: {build.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"baseline (analyse query only): {baseline}");
        Console.WriteLine($"BM25 search:                   {search}");
        Console.WriteLine($"ratio search/baseline at p50: {search.P50 / baseline.P50:F1}×");
    }

    private static void Vectors()
    {
        const int chunks = 20_000;
        const int dimensions = 1536;
        var corpus = new SyntheticEmbeddings(dimensions, seed: 3);
        var vectors = corpus.Documents(chunks);
        var embedded = vectors.Select(v => new EmbeddedChunk(Guid.NewGuid(), Guid.NewGuid(), v)).ToArray();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        var index = VectorIndex.Build(embedded);
        build.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var exact = new ExactVectorScan(vectors);
        var queries = corpus.Queries(vectors, 64);
        var next = 0;
        var baseline = Percentiles.Measure(20, 500, () => exact.Search(queries[next++ & 63], 20));
        var search = Percentiles.Measure(50, 2_000, () => index.Search(queries[next++ & 63], 20));

        var ids = embedded.Select(c => c.ChunkId).ToArray();
        var recall = queries.Average(q =>
        {
            var truth = exact.Search(q, 20).Select(i => ids[i]).ToHashSet();
            return index.Search(q, 20).Count(m => truth.Contains(m.ChunkId)) / 20.0;
        });
        var topOne = queries.Average(q => index.Search(q, 20)[0].ChunkId == ids[exact.Search(q, 1)[0]] ? 1.0 : 0.0);

        Console.WriteLine();
        Console.WriteLine($"## Vector search: {chunks:N0} chunks × {dimensions} dimensions (text-embedding-3-small size), clustered synthetic embeddings, top 20, warm");
        Console.WriteLine($"index build: {build.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"baseline (exact float32 SIMD scan, 500 queries): {baseline}");
        Console.WriteLine($"VectorIndex (sign-bit scan + int8 re-rank, 2,000 queries): {search}");
        Console.WriteLine($"ratio baseline/VectorIndex at p50: {baseline.P50 / search.P50:F1}×");
        Console.WriteLine($"recall@20 vs exact scan: {recall:P1}; same top-1: {topOne:P1} (64 queries)");
        Console.WriteLine($"memory: {(after - before) / 1024.0 / 1024.0:F1} MiB for {chunks:N0} vectors ({(after - before) / 2.0 / 1024 / 1024:F1} MiB per 10,000); estimated by the index: {index.EstimatedBytes / 1024.0 / 1024.0:F1} MiB; float32 would be {(double)chunks * dimensions * 4 / 1024 / 1024:F1} MiB");
        GC.KeepAlive(index);
    }

    private static void Memory()
    {
        var analyzer = new TextAnalyzer();
        var corpus = new SyntheticCorpus(seed: 7);
        var chunks = Enumerable.Range(0, 10_000).Select(_ => new IndexedChunk(Guid.NewGuid(), Guid.NewGuid(), corpus.Paragraph(300), "en")).ToList();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = Bm25Index.Build(chunks, analyzer);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine();
        Console.WriteLine("## Index memory per 10,000 chunks (~300 words each)");
        Console.WriteLine($"measured (GC heap delta): {(after - before) / 1024.0 / 1024.0:F1} MiB; estimated by the index: {index.EstimatedBytes / 1024.0 / 1024.0:F1} MiB");
        GC.KeepAlive(index);
        GC.KeepAlive(chunks);
    }

    private static void Ingestion()
    {
        var bench = new IngestionBenchmarks();
        bench.Setup();
        var tokenize = Median(5, () => bench.TokenizeMarkdown());
        var markdown = Median(5, () => bench.Ingest(DocumentFileType.Markdown, bench.Markdown));
        var pdf = Median(5, () => bench.Ingest(DocumentFileType.Pdf, bench.PdfBytes));
        var megabytes = bench.Markdown.Length / 1024.0 / 1024.0;
        Console.WriteLine();
        Console.WriteLine("## Ingestion (offline: parse, language, chunk with o200k token counts, hash, health; no database), median of 5");
        Console.WriteLine($"baseline (tokenize the Markdown text once): {tokenize:F0} ms → {megabytes / (tokenize / 1000):F1} MB/s");
        Console.WriteLine($"Markdown {megabytes:F1} MB: {markdown:F0} ms → {megabytes / (markdown / 1000):F1} MB/s (ratio to baseline {markdown / tokenize:F2}×)");
        Console.WriteLine($"PDF {IngestionBenchmarks.PdfPages} pages ({bench.PdfBytes.Length / 1024} KiB): {pdf:F0} ms → {IngestionBenchmarks.PdfPages / (pdf / 1000):F0} pages/s");
    }

    private static double Median(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
