using Chat9.Domain.Common;

namespace Chat9.Domain.Documents;

/// <summary>A searchable piece of a document that knows where it came from (heading path, anchor).</summary>
public sealed class DocumentChunk : Entity
{
    private List<string> _headingPath = [];

    // For EF Core.
    private DocumentChunk() { }

    public DocumentChunk(Guid documentId, Guid botId, int ordinal, string text, IEnumerable<string> headingPath, string? anchor, int tokenCount, string contentHash)
        : base(Guid.CreateVersion7())
    {
        Guard.NotDefault(documentId, "document_id");
        DocumentId = documentId;
        BotId = botId;
        Ordinal = ordinal >= 0 ? ordinal : throw new DomainValidationException("ordinal", "Must not be negative.");
        Text = Guard.NotBlank(text, "text");
        _headingPath = [.. headingPath];
        Anchor = anchor;
        TokenCount = tokenCount >= 0 ? tokenCount : throw new DomainValidationException("token_count", "Must not be negative.");
        ContentHash = Guard.NotBlank(contentHash, "content_hash");
    }

    public Guid DocumentId { get; private set; }

    public Guid BotId { get; private set; }

    public int Ordinal { get; private set; }

    public string Text { get; private set; } = null!;

    public IReadOnlyList<string> HeadingPath => _headingPath.AsReadOnly();

    public string? Anchor { get; private set; }

    public int TokenCount { get; private set; }

    /// <summary>The chunk's embedding (unit length), or <c>null</c> until an embedding model has produced one.</summary>
    public float[]? Embedding { get; private set; }

    /// <summary>Stores the embedding, scaled to unit length so similarity is a dot product.</summary>
    public void SetEmbedding(float[] embedding)
    {
        if (embedding.Length == 0 || embedding.Any(v => !float.IsFinite(v)))
        {
            throw new DomainValidationException("embedding", "An embedding needs finite values.");
        }

        var norm = MathF.Sqrt(embedding.Sum(v => v * v));
        Embedding = norm > 0 ? [.. embedding.Select(v => v / norm)] : throw new DomainValidationException("embedding", "An embedding cannot be all zeros.");
    }

    /// <summary>Hash of the normalized text, to spot content repeated across a bot's documents.</summary>
    public string ContentHash { get; private set; } = null!;
}
