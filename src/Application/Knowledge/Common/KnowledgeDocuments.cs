using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Common;

/// <summary>
/// Reads a bot's ready documents again from their stored originals, main documents first (an overview, a README or a
/// "getting started" page before the rest, otherwise in upload order). A document that no longer parses is skipped
/// with a warning: it stays searchable from its chunks, it only adds nothing to the profile and the suggestions.
/// </summary>
/// <remarks>
/// Only the first <see cref="MaxCharsPerDocument"/> characters of each document are kept: the profile needs titles,
/// headings and openings, and the few sections past that point of a very long manual are not worth holding a hundred
/// such documents in memory at once.
/// </remarks>
public sealed class KnowledgeDocuments(
    IReadRepository<Document> documents,
    IDocumentContentStore contents,
    IDocumentOutlineReader reader,
    IOptions<LimitsOptions> options,
    ILogger<KnowledgeDocuments> logger)
{
    // Names of documents that introduce a product, compared on the file name and the title (lower case, words only):
    // the whole name, or how the name starts.
    private static readonly string[] IntroductionNames = ["readme", "index", "home", "about", "intro"];

    private static readonly string[] IntroductionPrefixes =
    [
        "overview", "introduction", "getting started", "get started", "quickstart", "quick start", "welcome", "start here", "what is",
    ];

    public const int MaxCharsPerDocument = 200_000;

    public async Task<IReadOnlyList<KnowledgeDocument>> ReadAsync(Guid botId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var ready = await documents.ListAsync(new ReadyDocumentsOfBotSpec(botId), cancellationToken);
        var read = new List<KnowledgeDocument>(ready.Count);
        foreach (var document in ready)
        {
            var bytes = await contents.ReadBytesAsync(document.Id, cancellationToken);
            if (bytes is null)
            {
                continue;
            }

            DocumentOutline outline;
            try
            {
                var parseLimits = new ParseLimits(
                    Math.Min(limits.MaxUncompressedBytes, (long)bytes.Length * limits.MaxCompressionRatio), limits.MaxCompressionRatio, limits.MaxDocumentChars);
                outline = reader.Read(document.FileType, bytes, parseLimits, cancellationToken);
            }
            catch (DocumentParseException ex)
            {
                logger.LogWarning("Document {DocumentId} of bot {BotId} could not be read for the knowledge profile and FAQ: {Reason}", document.Id, botId, ex.Message);
                continue;
            }

            read.Add(new KnowledgeDocument(document.Id, TitleOf(document, outline), document.Filename, document.Language, Bounded(outline)));
        }

        // OrderBy is stable: within each group the upload order stays.
        return [.. read.OrderBy(d => IsIntroduction(d) ? 0 : 1)];
    }

    /// <summary>The language most of the documents are written in (null when none was detected).</summary>
    public static string? MainLanguage(IReadOnlyList<KnowledgeDocument> documents) => documents
        .Where(d => d.Language is not null)
        .GroupBy(d => d.Language!)
        .OrderByDescending(g => g.Count())
        .ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key)
        .FirstOrDefault();

    private static DocumentOutline Bounded(DocumentOutline outline)
    {
        var sections = new List<OutlineSection>(outline.Sections.Count);
        var left = MaxCharsPerDocument;
        foreach (var section in outline.Sections)
        {
            var blocks = new List<OutlineBlock>(section.Blocks.Count);
            foreach (var block in section.Blocks)
            {
                left -= block.Markdown.Length;
                if (left < 0)
                {
                    sections.Add(section with { Blocks = blocks });
                    return outline with { Sections = sections };
                }

                blocks.Add(block);
            }

            sections.Add(section);
        }

        return outline;
    }

    private static string TitleOf(Document document, DocumentOutline outline)
    {
        if (!string.IsNullOrWhiteSpace(outline.Title))
        {
            return outline.Title.Trim();
        }

        // Crawled pages are named after their title already; uploads after their file.
        return document.SourceId is null ? Path.GetFileNameWithoutExtension(document.Filename) : document.Filename;
    }

    private static bool IsIntroduction(KnowledgeDocument document)
    {
        var names = new[] { Words(Path.GetFileNameWithoutExtension(document.Filename)), Words(document.Title) };
        return names.Any(name => IntroductionNames.Contains(name)
            || IntroductionPrefixes.Any(intro => name == intro || name.StartsWith(intro + " ", StringComparison.Ordinal)));
    }

    private static string Words(string text) =>
        string.Join(' ', new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
