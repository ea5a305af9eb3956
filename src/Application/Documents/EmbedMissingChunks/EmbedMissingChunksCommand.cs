using Mediator;

namespace Chat9.Application.Documents.EmbedMissingChunks;

/// <summary>
/// Fills in embeddings that ingestion could not get (the model was down, or was configured later), a few documents at
/// a time. Returns how many chunks got an embedding; 0 when there is nothing to do or no embedding model.
/// </summary>
public sealed record EmbedMissingChunksCommand(int MaxDocuments) : ICommand<int>;
