using System.Security.Cryptography;
using Chat9.Domain.Common;
using Chat9.Domain.Documents.Events;

namespace Chat9.Domain.Documents;

/// <summary>
/// An uploaded file or a crawled page. The row is also the work item of the ingestion queue:
/// queued → processing (claimed under a lease) → ready | error. An expired lease can be claimed again.
/// </summary>
public sealed class Document : Entity, IAggregateRoot
{
    public const int FilenameMaxChars = 255;

    private readonly List<DocumentChunk> _chunks = [];
    private List<HealthWarning> _healthWarnings = [];

    // For EF Core.
    private Document() { }

    private Document(Guid id, Guid botId, string filename, DocumentFileType fileType, long sizeBytes, string sha256, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        Filename = filename;
        FileType = fileType;
        SizeBytes = sizeBytes;
        ContentSha256 = sha256;
        Status = DocumentStatus.Queued;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid BotId { get; private set; }

    public string Filename { get; private set; } = null!;

    public DocumentFileType FileType { get; private set; }

    public DocumentStatus Status { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public long SizeBytes { get; private set; }

    public string ContentSha256 { get; private set; } = null!;

    public string? SourceUrl { get; private set; }

    /// <summary>The URL source that crawled this page; <c>null</c> for uploads.</summary>
    public Guid? SourceId { get; private set; }

    /// <summary>The crawler's hash of the page's text, to skip unchanged pages on re-crawls.</summary>
    public string? PageHash { get; private set; }

    public int ChunkCount { get; private set; }

    public int? ParsedTextLength { get; private set; }

    /// <summary>The detected language of the text (ISO 639-1), which selects the stemmer; <c>null</c> when unclear.</summary>
    public string? Language { get; private set; }

    public int? HealthScore { get; private set; }

    public IReadOnlyList<HealthWarning> HealthWarnings => _healthWarnings.AsReadOnly();

    public DateTimeOffset? HealthCheckedAt { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public int ProcessingAttempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<DocumentChunk> Chunks => _chunks.AsReadOnly();

    /// <summary>Accepts an uploaded file into the queue. The original bytes are returned for separate storage.</summary>
    public static (Document Document, DocumentContent Content) Upload(
        Guid botId, string filename, DocumentFileType fileType, byte[] bytes, string? sourceUrl, DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        if (bytes.Length == 0)
        {
            throw new DomainException("empty_file", "The file is empty.");
        }

        var name = SanitizeFilename(filename);
        if (sourceUrl is not null && !Text.IsHttpUrl(sourceUrl, out _))
        {
            throw new DomainValidationException("source_url", "Must be an http or https URL.");
        }

        var document = new Document(Guid.CreateVersion7(now), botId, name, fileType, bytes.Length, Sha256Hex(bytes), now)
        {
            SourceUrl = sourceUrl,
        };
        document.Raise(new DocumentQueued(document.Id, botId));
        return (document, new DocumentContent(document.Id, bytes));
    }

    /// <summary>A page found by a URL source's crawl, stored as a <c>web_page</c> document titled after the page.</summary>
    public static (Document Document, DocumentContent Content) FromCrawl(
        Guid botId, Guid sourceId, string url, string title, byte[] html, string pageHash, DateTimeOffset now)
    {
        Guard.NotDefault(sourceId, "source_id");
        var (document, content) = Upload(botId, PageTitle(title, url), DocumentFileType.WebPage, html, url, now);
        document.SourceId = sourceId;
        document.PageHash = Guard.NotBlank(pageHash, "page_hash");
        return (document, content);
    }

    /// <summary>A re-crawl found new content: keep the document, replace the original and index it again.</summary>
    public void ReplaceCrawledPage(DocumentContent content, string title, byte[] html, string pageHash, DateTimeOffset now)
    {
        if (SourceId is null || content.DocumentId != Id)
        {
            throw new DomainException("not_a_crawled_page", "Only crawled pages are replaced by crawls.");
        }

        content.Replace(html);
        Filename = PageTitle(title, SourceUrl ?? string.Empty);
        SizeBytes = html.Length;
        ContentSha256 = Sha256Hex(html);
        PageHash = Guard.NotBlank(pageHash, "page_hash");

        // New content starts with fresh attempts. Changing the claim counter (a concurrency token) also makes a worker
        // that is processing the old content lose its save, so the new content is what ends up indexed.
        ProcessingAttempts = 0;
        Status = DocumentStatus.Queued;
        LeaseOwner = null;
        LeaseExpiresAt = null;
        ErrorCode = null;
        ErrorMessage = null;
        UpdatedAt = now;
        Raise(new DocumentQueued(Id, BotId));
    }

    private static string PageTitle(string title, string url) =>
        Text.Truncate(string.IsNullOrWhiteSpace(title) ? url : title.Trim(), FilenameMaxChars, string.Empty);

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The last path segment of a client-supplied name, without control characters, at most 255 characters.</summary>
    public static string SanitizeFilename(string? filename)
    {
        var raw = filename ?? string.Empty;
        var lastSegment = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new string(lastSegment.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0 || clean is "." or "..")
        {
            throw new DomainValidationException("file", "The file needs a name.");
        }

        if (Text.CountChars(clean) <= FilenameMaxChars)
        {
            return clean;
        }

        // The extension decides the type (management-api.md "Documents"): a long name loses characters of its stem, not its extension.
        var dot = clean.LastIndexOf('.');
        var extension = dot > 0 && clean.Length - dot <= MaxExtensionChars ? clean[dot..] : string.Empty;
        return Text.Truncate(clean[..(clean.Length - extension.Length)], FilenameMaxChars - extension.Length, string.Empty).TrimEnd() + extension;
    }

    /// <summary>The longest ending that is kept as an extension when a long name is shortened (".markdown" and then some).</summary>
    private const int MaxExtensionChars = 16;

    /// <summary>Whether a worker may take this document now: queued, or processing under a lease that has expired.</summary>
    /// <summary>Extends the lease of the worker that holds it (a heartbeat while a long document is processed).</summary>
    public void RenewLease(string worker, DateTimeOffset now, TimeSpan lease)
    {
        if (Status != DocumentStatus.Processing || LeaseOwner != worker)
        {
            throw new DomainException("lease_lost", "Another worker has taken over this document.");
        }

        LeaseExpiresAt = now + lease;
    }

    public bool IsClaimable(DateTimeOffset now) =>
        Status == DocumentStatus.Queued || (Status == DocumentStatus.Processing && LeaseExpiresAt <= now);

    public void Claim(string worker, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(now))
        {
            throw new DomainException("document_not_claimable", "The document is not waiting for processing.");
        }

        Status = DocumentStatus.Processing;
        LeaseOwner = Guard.NotBlank(worker, "worker");
        LeaseExpiresAt = now + lease;
        ProcessingAttempts++;
        UpdatedAt = now;
    }

    /// <summary>Replaces the chunks in one step and makes the document searchable.</summary>
    public void CompleteProcessing(IReadOnlyCollection<DocumentChunk> chunks, int parsedTextLength, string? language, DateTimeOffset now)
    {
        EnsureProcessing();
        if (chunks.Any(c => c.DocumentId != Id))
        {
            throw new DomainValidationException("chunks", "Chunks must belong to this document.");
        }

        _chunks.Clear();
        _chunks.AddRange(chunks);
        ChunkCount = chunks.Count;
        ParsedTextLength = parsedTextLength;
        Language = language;
        Status = DocumentStatus.Ready;
        ErrorCode = null;
        ErrorMessage = null;
        ReleaseLease(now);
        Raise(new DocumentReady(Id, BotId, ChunkCount));
    }

    public void FailProcessing(string errorCode, string errorMessage, DateTimeOffset now)
    {
        EnsureProcessing();
        var code = Guard.NotBlank(errorCode, "error_code");
        var message = Guard.NotBlank(errorMessage, "error_message");
        Status = DocumentStatus.Error;
        ErrorCode = code;
        ErrorMessage = message;
        // A document in error is not searchable.
        _chunks.Clear();
        ChunkCount = 0;
        ReleaseLease(now);
        Raise(new DocumentFailed(Id, BotId, errorCode));
    }

    /// <summary>Queues a re-processing of the stored original. Old chunks keep serving until new ones replace them.</summary>
    public void RequestReindex(DateTimeOffset now)
    {
        if (Status is DocumentStatus.Queued or DocumentStatus.Processing)
        {
            return;
        }

        Status = DocumentStatus.Queued;
        ErrorCode = null;
        ErrorMessage = null;
        UpdatedAt = now;
        Raise(new DocumentQueued(Id, BotId));
    }

    public void RecordHealth(HealthReport report, DateTimeOffset now)
    {
        if (report.Score is < 0 or > 100)
        {
            throw new DomainValidationException("score", "Health scores run from 0 to 100.");
        }

        HealthScore = report.Score;
        _healthWarnings = [.. report.Warnings];
        HealthCheckedAt = now;
        UpdatedAt = now;
    }

    public void MarkRemoved() => Raise(new DocumentRemoved(Id, BotId));

    private void EnsureProcessing()
    {
        if (Status != DocumentStatus.Processing)
        {
            throw new DomainException("document_not_processing", "The document is not being processed.");
        }
    }

    private void ReleaseLease(DateTimeOffset now)
    {
        LeaseOwner = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }
}
