using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.UnitTests.Models;

internal static class ModelTesting
{
    /// <summary>The resilience pipelines with a short first retry delay (10 ms unless told) in place of 0.5 s.</summary>
    public static ModelResilience Resilience(ModelOptions options, TimeProvider? timeProvider = null, int retryBaseDelayMs = 10) =>
        new(Options.Create(options), timeProvider ?? TimeProvider.System, NullLogger<ModelResilience>.Instance)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(retryBaseDelayMs),
        };

    public static OpenAIEmbeddingModel EmbeddingModel(ModelOptions options, ModelResilience? resilience = null) =>
        new(new OpenAIClientFactory(Options.Create(options)), resilience ?? Resilience(options), Options.Create(options),
            NullLogger<OpenAIEmbeddingModel>.Instance);

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }
}
