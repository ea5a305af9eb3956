namespace Chat9.Application.Common.Interfaces;

/// <summary>Reads of chunks across documents, for ingestion and retrieval (chunks are not aggregate roots).</summary>
public interface IChunkQueries
{
    /// <summary>How many of <paramref name="contentHashes"/> already occur in other documents of the bot.</summary>
    Task<int> CountDuplicatesAsync(Guid botId, Guid excludingDocumentId, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken);

    /// <summary>The chunks with their documents' names and URLs, in the order of <paramref name="chunkIds"/>; chunks of other bots are never returned.</summary>
    Task<IReadOnlyList<ChunkDetails>> GetAsync(Guid botId, IReadOnlyList<Guid> chunkIds, CancellationToken cancellationToken);
}

public sealed record ChunkDetails(
    Guid ChunkId,
    Guid DocumentId,
    int Ordinal,
    string Filename,
    string? SourceUrl,
    IReadOnlyList<string> HeadingPath,
    string? Anchor,
    string Text,
    int TokenCount);
