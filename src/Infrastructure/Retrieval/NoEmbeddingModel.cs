using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Retrieval;

/// <summary>The embedding model when none is configured (<c>Models:Provider = none</c>, the default): search stays lexical.</summary>
public sealed class NoEmbeddingModel : IEmbeddingModel
{
    public bool IsConfigured => false;

    public string? ModelName => null;

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No embedding model is configured (Models:Provider is none).");
}
