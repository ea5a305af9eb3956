namespace Chat9.Infrastructure.Search;

/// <summary>A chunk to put in a <see cref="Bm25Index"/>.</summary>
/// <param name="Language">The document's detected language (ISO 639-1); <c>null</c> or unsupported means English rules.</param>
public sealed record IndexedChunk(Guid ChunkId, Guid DocumentId, string Text, string? Language);
