using System.Text;
using BenchmarkDotNet.Attributes;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;
using Chat9.Infrastructure.Documents.Parsing;
using Chat9.Infrastructure.Search;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Chat9.Benchmarks;

/// <summary>
/// Offline ingestion work per document, without the database: parse → detect language → chunk (with o200k token
/// counts) → health check. Baseline: counting the tokens of the same text once (the tokenizer alone).
/// </summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    /// <summary>Just under the 5,000,000-character text limit of a single document.</summary>
    public const int MarkdownBytes = 4_500_000;
    public const int PdfPages = 100;

    private readonly DocumentParser _parser = new();
    private readonly O200kTokenCounter _tokens = new();
    private readonly StopWordLanguageDetector _languages = new();
    private readonly ParseLimits _limits = new(200L * 1024 * 1024, 100, 5_000_000);
    private StructureAwareChunker _chunker = null!;
    private DocumentHealthChecker _health = null!;
    private byte[] _markdown = [];
    private string _markdownText = string.Empty;
    private byte[] _pdf = [];

    [GlobalSetup]
    public void Setup()
    {
        _chunker = new StructureAwareChunker(_tokens);
        _health = new DocumentHealthChecker();
        var corpus = new SyntheticCorpus();
        _markdownText = corpus.Markdown(MarkdownBytes);
        _markdown = Encoding.UTF8.GetBytes(_markdownText);
        _pdf = Pdf(corpus, PdfPages);
    }

    [Benchmark(Baseline = true, Description = "Tokenize the Markdown text (baseline)")]
    public int TokenizeMarkdown() => _tokens.CountTokens(_markdownText);

    [Benchmark(Description = "Markdown 4.5 MB → chunks")]
    public int IngestMarkdown() => Ingest(DocumentFileType.Markdown, _markdown);

    [Benchmark(Description = "PDF 100 pages → chunks")]
    public int IngestPdf() => Ingest(DocumentFileType.Pdf, _pdf);

    public int Ingest(DocumentFileType type, byte[] content)
    {
        var parsed = _parser.Parse(type, content, _limits, CancellationToken.None);
        var text = parsed.FullText;
        _languages.Detect(text.Length > 20_000 ? text[..20_000] : text);
        var chunks = _chunker.Chunk(parsed, new ChunkingOptions());
        foreach (var chunk in chunks)
        {
            DocumentIngestion.ContentHash(chunk.Text);
        }

        return _health.Check(parsed, chunks, duplicatedChunkCount: 0).Score + chunks.Count;
    }

    public byte[] Markdown => _markdown;

    public byte[] PdfBytes => _pdf;

    private static byte[] Pdf(SyntheticCorpus corpus, int pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 800.0;
            for (var line = 0; line < 45; line++)
            {
                page.AddText(corpus.Paragraph(11), 10, new UglyToad.PdfPig.Core.PdfPoint(40, y), font);
                y -= 17;
            }
        }

        return builder.Build();
    }
}
