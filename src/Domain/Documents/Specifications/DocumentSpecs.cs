using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Documents.Specifications;

public sealed class DocumentsOfBotSpec : Specification<Document>
{
    public DocumentsOfBotSpec(Guid botId) => Where(d => d.BotId == botId);
}

public sealed class DocumentOfBotSpec : Specification<Document>
{
    public DocumentOfBotSpec(Guid botId, Guid documentId, bool withChunks = false)
    {
        Where(d => d.BotId == botId && d.Id == documentId);
        if (withChunks)
        {
            Include(d => d.Chunks);
        }
    }
}

public sealed class DocumentByIdSpec : Specification<Document>
{
    public DocumentByIdSpec(Guid documentId, bool withChunks = false)
    {
        Where(d => d.Id == documentId);
        if (withChunks)
        {
            Include(d => d.Chunks);
        }
    }
}

public sealed class DocumentOfBotByHashSpec : Specification<Document>
{
    public DocumentOfBotByHashSpec(Guid botId, string sha256) => Where(d => d.BotId == botId && d.ContentSha256 == sha256);
}

/// <summary>A bot's documents for listing, newest first, with optional filters.</summary>
public sealed class DocumentListSpec : Specification<Document>
{
    public DocumentListSpec(Guid botId, DocumentStatus? status, DocumentFileType? fileType, bool? crawled, int skip, int take)
    {
        Where(d => d.BotId == botId);
        if (status is { } s)
        {
            Where(d => d.Status == s);
        }

        if (fileType is { } t)
        {
            Where(d => d.FileType == t);
        }

        if (crawled is { } c)
        {
            Where(d => (d.SourceId != null) == c);
        }

        OrderByDescending(d => d.CreatedAt);
        OrderByDescending(d => d.Id);
        Page(skip, take);
        NoTracking();
    }
}

/// <summary>Documents a worker may take now: queued, or processing under an expired lease; oldest first.</summary>
public sealed class ClaimableDocumentsSpec : Specification<Document>
{
    public ClaimableDocumentsSpec(DateTimeOffset now, int take)
    {
        Where(d => d.Status == DocumentStatus.Queued || (d.Status == DocumentStatus.Processing && d.LeaseExpiresAt <= now));
        OrderByAscending(d => d.UpdatedAt);
        Page(0, take);
    }
}

/// <summary>The current pages of a URL source, by URL.</summary>
public sealed class PagesOfSourceSpec : Specification<Document>
{
    public PagesOfSourceSpec(Guid botId, Guid sourceId)
    {
        Where(d => d.BotId == botId && d.SourceId == sourceId);
        OrderByAscending(d => d.SourceUrl);
    }
}

/// <summary>Ready documents with chunks that still lack an embedding, oldest first.</summary>
public sealed class DocumentsMissingEmbeddingsSpec : Specification<Document>
{
    public DocumentsMissingEmbeddingsSpec(int take)
    {
        Where(d => d.Status == DocumentStatus.Ready && d.Chunks.Any(c => c.Embedding == null));
        Include(d => d.Chunks);
        OrderByAscending(d => d.UpdatedAt);
        Page(0, take);
    }
}
