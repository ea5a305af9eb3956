using System.Security.Cryptography;
using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Documents;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Documents.Processing;

/// <summary>
/// Turns a stored original into what search needs: parsed text, language, chunks (with content hashes) and a health
/// report. Throws <see cref="DocumentParseException"/> when the document cannot become searchable.
/// </summary>
public sealed class DocumentIngestion(
    IDocumentParser parser,
    ILanguageDetector languages,
    StructureAwareChunker chunker,
    DocumentHealthChecker healthChecker,
    IChunkQueries chunkQueries,
    IOptions<LimitsOptions> options)
{
    /// <summary>Enough text to recognise a language; more only costs time.</summary>
    private const int LanguageSampleChars = 20_000;

    public async Task<IngestionResult> AnalyzeAsync(Document document, byte[] content, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var parsed = parser.Parse(
            document.FileType,
            content,
            new ParseLimits(Math.Min(limits.MaxUncompressedBytes, (long)content.Length * limits.MaxCompressionRatio), limits.MaxCompressionRatio, limits.MaxDocumentChars),
            cancellationToken);

        var fullText = parsed.FullText;
        var language = languages.Detect(fullText.Length > LanguageSampleChars ? fullText[..LanguageSampleChars] : fullText);
        var drafts = chunker.Chunk(parsed, new ChunkingOptions(
            TargetMinTokens: Math.Max(1, limits.ChunkTargetTokens - 100),
            TargetMaxTokens: limits.ChunkTargetTokens,
            MaxTokens: limits.ChunkMaxTokens));
        if (drafts.Count == 0)
        {
            throw new DocumentParseException(DocumentErrorCodes.NoText, "No readable text was found in the file.");
        }

        var chunks = drafts.Select(d => new HashedChunk(d, ContentHash(d.Text))).ToList();
        var duplicates = await chunkQueries.CountDuplicatesAsync(
            document.BotId, document.Id, [.. chunks.Select(c => c.ContentHash).Distinct()], cancellationToken);
        var health = healthChecker.Check(parsed, drafts, duplicates);
        return new IngestionResult(parsed.TextLength, language, chunks, health);
    }

    /// <summary>SHA-256 of the text with case and white space normalised, so trivially reformatted repeats match.</summary>
    public static string ContentHash(string text)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}

public sealed record HashedChunk(ChunkDraft Draft, string ContentHash);

public sealed record IngestionResult(int TextLength, string? Language, IReadOnlyList<HashedChunk> Chunks, HealthReport Health);
