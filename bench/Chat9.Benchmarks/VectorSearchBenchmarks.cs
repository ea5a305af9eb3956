using BenchmarkDotNet.Attributes;
using Chat9.Infrastructure.Search;

namespace Chat9.Benchmarks;

/// <summary>
/// Vector search over one bot with 20,000 embedding-like vectors of 1,536 dimensions, top 20, warm.
/// Baseline: the exact float32 scan the index replaces.
/// </summary>
[MemoryDiagnoser]
public class VectorSearchBenchmarks
{
    private VectorIndex _index = null!;
    private ExactVectorScan _exact = null!;
    private float[][] _queries = [];
    private int _next;

    [Params(20_000)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new SyntheticEmbeddings(1536, seed: 3);
        var vectors = corpus.Documents(Chunks);
        _index = VectorIndex.Build([.. vectors.Select(v => new EmbeddedChunk(Guid.NewGuid(), Guid.NewGuid(), v))]);
        _exact = new ExactVectorScan(vectors);
        _queries = corpus.Queries(vectors, 64);
    }

    [Benchmark(Baseline = true)]
    public int ExactScan() => _exact.Search(NextQuery(), 20).Length;

    [Benchmark]
    public int Search() => _index.Search(NextQuery(), 20).Count;

    private float[] NextQuery() => _queries[_next++ & 63];
}
