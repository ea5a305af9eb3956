using System.Diagnostics;
using System.Runtime;
using BenchmarkDotNet.Running;
using Chat9.Benchmarks;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Search;

// `report` prints the figures of docs/benchmarks.md (percentiles, throughput, memory) in one run;
// anything else goes to BenchmarkDotNet (e.g. `--filter *RetrievalBenchmarks*`).
if (args is ["report", ..])
{
    Report.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

internal static class Report
{
    public static void Run()
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, server GC: {GCSettings.IsServerGC}");
        Retrieval();
        Vectors();
        Memory();
        Ingestion();
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
        var random = new Random(3);
        float[] UnitVector()
        {
            var v = new float[dimensions];
            var norm = 0f;
            for (var i = 0; i < dimensions; i++)
            {
                v[i] = (float)(random.NextDouble() * 2 - 1);
                norm += v[i] * v[i];
            }

            norm = MathF.Sqrt(norm);
            for (var i = 0; i < dimensions; i++)
            {
                v[i] /= norm;
            }

            return v;
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = VectorIndex.Build([.. Enumerable.Range(0, chunks).Select(_ => new EmbeddedChunk(Guid.NewGuid(), Guid.NewGuid(), UnitVector()))]);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var queries = Enumerable.Range(0, 64).Select(_ => UnitVector()).ToArray();
        var next = 0;
        var search = Percentiles.Measure(20, 500, () => index.Search(queries[next++ & 63], 20));
        Console.WriteLine();
        Console.WriteLine($"## Vector search: {chunks:N0} chunks × {dimensions} dimensions (text-embedding-3-small size), top 20, warm, 500 queries");
        Console.WriteLine($"exact dot-product scan: {search}");
        Console.WriteLine($"memory: {(after - before) / 1024.0 / 1024.0:F1} MiB for {chunks:N0} vectors ({(after - before) / 2.0 / 1024 / 1024:F1} MiB per 10,000)");
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
