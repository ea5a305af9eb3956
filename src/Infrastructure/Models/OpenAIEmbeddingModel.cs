using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Embeddings;
using Polly;

namespace Chat9.Infrastructure.Models;

/// <summary>
/// Embeddings from OpenAI, Azure OpenAI or an OpenAI-compatible server, through the <see cref="ModelPurpose.Embedding"/>
/// resilience pipeline. Every failure that survives it becomes a <see cref="ModelUnavailableException"/>, on which
/// callers fall back to lexical search (pipeline.md section 4).
/// </summary>
public sealed class OpenAIEmbeddingModel : IEmbeddingModel
{
    /// <summary>Inputs per request; OpenAI accepts more, but smaller requests keep each attempt well inside the timeout.</summary>
    public const int MaxBatchSize = 96;

    private readonly ModelResilience _resilience;
    private readonly ILogger<OpenAIEmbeddingModel> _logger;
    private readonly Lazy<EmbeddingClient>? _client;

    public OpenAIEmbeddingModel(
        OpenAIClientFactory clients, ModelResilience resilience, IOptions<ModelOptions> options, ILogger<OpenAIEmbeddingModel> logger)
    {
        _resilience = resilience;
        _logger = logger;
        var settings = options.Value;
        if (settings.Provider != ModelProvider.None && !string.IsNullOrWhiteSpace(settings.EmbeddingModel))
        {
            ModelName = settings.EmbeddingModel;
            _client = new Lazy<EmbeddingClient>(() => clients.GetEmbeddingClient(settings.EmbeddingModel));
        }
    }

    public bool IsConfigured => _client is not null;

    public string? ModelName { get; }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (_client is null)
        {
            throw new InvalidOperationException("No embedding model is configured; check IsConfigured first.");
        }

        if (texts.Count == 0)
        {
            return [];
        }

        // Outside the batches' try: a configuration error is the operator's to fix, not a provider outage.
        var client = _client.Value;
        var pipeline = _resilience.For(ModelPurpose.Embedding);
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(MaxBatchSize))
        {
            vectors.AddRange(await EmbedBatchAsync(client, pipeline, batch, cancellationToken));
        }

        return vectors;
    }

    private async Task<float[][]> EmbedBatchAsync(
        EmbeddingClient client, ResiliencePipeline pipeline, string[] batch, CancellationToken cancellationToken)
    {
        OpenAIEmbeddingCollection embeddings;
        try
        {
            embeddings = await pipeline.ExecuteAsync(
                async token => (await client.GenerateEmbeddingsAsync(batch, cancellationToken: token)).Value, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever the SDK throws on a broken or unreadable response ends the same way for the caller.
            throw Unavailable(ModelFailures.Describe(ex), ex);
        }

        if (embeddings.Count != batch.Length)
        {
            throw Unavailable($"{embeddings.Count} embeddings for {batch.Length} inputs");
        }

        return InOrder(embeddings, batch.Length) ?? throw Unavailable("malformed embeddings");
    }

    /// <summary>The vectors ordered by their index, or null unless every input has exactly one vector, all of one
    /// non-zero dimension.</summary>
    private static float[][]? InOrder(OpenAIEmbeddingCollection embeddings, int inputCount)
    {
        var vectors = new float[inputCount][];
        var dimensions = 0;
        foreach (var embedding in embeddings)
        {
            if (embedding.Index < 0 || embedding.Index >= inputCount || vectors[embedding.Index] is not null)
            {
                return null;
            }

            var vector = embedding.ToFloats();
            if (vector.IsEmpty || (dimensions != 0 && vector.Length != dimensions))
            {
                return null;
            }

            dimensions = vector.Length;
            vectors[embedding.Index] = vector.ToArray();
        }

        return vectors;
    }

    private ModelUnavailableException Unavailable(string reason, Exception? inner = null)
    {
        _logger.LogWarning("Embedding model {Model} unavailable: {Reason}.", ModelName, reason);
        return new ModelUnavailableException($"The embedding model is unavailable ({reason}).", inner);
    }
}
