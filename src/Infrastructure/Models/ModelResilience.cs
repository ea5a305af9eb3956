using System.Collections.Concurrent;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Chat9.Infrastructure.Models;

/// <summary>
/// The Polly pipelines around model calls (limits.md "Model calls", pipeline.md "Resilience"), one per
/// <see cref="ModelPurpose"/>. Outermost first: retry, consecutive-failure breaker, failure-ratio breaker, timeout per
/// attempt. The breakers sit inside the retry, so they count attempts and a retry never hammers an open circuit.
/// Register as a singleton: the breakers only work if every call shares them.
/// </summary>
public sealed class ModelResilience(IOptions<ModelOptions> options, TimeProvider timeProvider, ILogger<ModelResilience> logger)
{
    /// <summary>Longest wait before a retry: a provider asking for more (<c>Retry-After</c>) gets no retry, since the
    /// caller is better served by its fallback now; exponential backoff stops growing there.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private const double BreakerFailureRatio = 0.5;
    private const int BreakerMinimumThroughput = 10;
    private static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<ModelPurpose, Lazy<ResiliencePipeline>> _pipelines = new();

    /// <summary>The first retry delay; each further one is four times longer (≈ 0.5 s, 2 s), with ±20 % jitter so that
    /// many callers do not retry in step. Tests shorten it.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The pipeline for one purpose: the same instance every time, so its breakers see every call.</summary>
    public ResiliencePipeline For(ModelPurpose purpose) =>
        _pipelines.GetOrAdd(purpose, key => new Lazy<ResiliencePipeline>(() => Build(key))).Value;

    private ResiliencePipeline Build(ModelPurpose purpose)
    {
        var settings = options.Value;
        var breakDuration = TimeSpan.FromSeconds(settings.BreakerOpenSeconds);
        var attemptTimeout = TimeSpan.FromSeconds(purpose switch
        {
            ModelPurpose.Embedding => settings.EmbeddingTimeoutSeconds,
            ModelPurpose.Guard => settings.GuardTimeoutSeconds,
            ModelPurpose.Answer => settings.FirstTokenTimeoutSeconds,
            _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
        });

        var builder = new ResiliencePipelineBuilder { Name = $"model-{purpose}", TimeProvider = timeProvider };
        // Polly refuses a retry strategy with no retries.
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && ShouldRetry(exception)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(args.Outcome.Exception, args.AttemptNumber)),
                OnRetry = args =>
                {
                    logger.LogWarning("{Purpose} model call failed ({Reason}); retry {Retry} in {Delay} ms.", purpose,
                        ModelFailures.Describe(args.Outcome.Exception!), args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder
            .AddStrategy(context => new ConsecutiveFailureBreaker(settings.BreakerFailures, breakDuration, context.TimeProvider,
                () => LogOpened(purpose, breakDuration)))
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = BreakerFailureRatio,
                MinimumThroughput = BreakerMinimumThroughput,
                SamplingDuration = BreakerSamplingDuration,
                BreakDuration = breakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && ModelFailures.IsTransient(exception)),
                OnOpened = args =>
                {
                    LogOpened(purpose, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(attemptTimeout)
            .Build();
    }

    private bool ShouldRetry(Exception exception) =>
        ModelFailures.IsTransient(exception)
        && !(ModelFailures.RetryAfter(exception, timeProvider.GetUtcNow()) > MaxRetryDelay);

    private TimeSpan RetryDelay(Exception? exception, int attempt)
    {
        if (exception is not null && ModelFailures.RetryAfter(exception, timeProvider.GetUtcNow()) is { } requested)
        {
            return requested;
        }

        var jitter = 0.8 + (0.4 * Random.Shared.NextDouble());
        var seconds = RetryBaseDelay.TotalSeconds * Math.Pow(4, attempt) * jitter;
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryDelay.TotalSeconds));
    }

    private void LogOpened(ModelPurpose purpose, TimeSpan breakDuration) =>
        logger.LogWarning("{Purpose} model circuit opened for {Seconds} s after repeated failures.", purpose, breakDuration.TotalSeconds);
}
