using BenchmarkDotNet.Attributes;
using Chat9.Infrastructure.Search;

namespace Chat9.Benchmarks;

/// <summary>
/// BM25 search over one bot with 20,000 chunks of ~300 words (~400 tokens), warm.
/// Baseline: analysing the same query only (the floor every search pays).
/// </summary>
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private Bm25Index _index = null!;
    private TextAnalyzer _analyzer = null!;
    private string[] _queries = [];
    private int _next;

    [Params(20_000)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new TextAnalyzer();
        var corpus = new SyntheticCorpus();
        _index = Bm25Index.Build(
            Enumerable.Range(0, Chunks).Select(_ => new IndexedChunk(Guid.NewGuid(), Guid.NewGuid(), corpus.Paragraph(300), "en")).ToList(),
            _analyzer);
        _queries = [.. Enumerable.Range(0, 256).Select(_ => corpus.Query(8))];
    }

    [Benchmark(Baseline = true)]
    public int AnalyzeQueryOnly() => _analyzer.Analyze(NextQuery(), "en").Count;

    [Benchmark]
    public int Search() => _index.Search(NextQuery(), 20).Count;

    private string NextQuery() => _queries[_next++ & 255];
}
