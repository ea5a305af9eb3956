using Polly;
using Polly.CircuitBreaker;

namespace Chat9.Infrastructure.Models;

/// <summary>
/// The "opens after N consecutive failures" half of the model circuit breaker (limits.md). Polly's own breaker only
/// knows failure ratios, so it covers the other half. Open for the break duration, then half-open: one trial call goes
/// through; its failure opens the circuit again (the count never dropped below the threshold), its success closes it.
/// </summary>
internal sealed class ConsecutiveFailureBreaker(int failureThreshold, TimeSpan breakDuration, TimeProvider timeProvider, Action onOpened)
    : ResilienceStrategy
{
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private DateTimeOffset? _openedAt;
    private bool _trialInFlight;

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        if (!TryEnter(out var isTrial, out var retryAfter))
        {
            return Outcome.FromException<TResult>(
                new BrokenCircuitException($"{failureThreshold} consecutive model calls failed; the circuit is open.", retryAfter));
        }

        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (Record(outcome.Exception, isTrial))
        {
            onOpened();
        }

        return outcome;
    }

    private bool TryEnter(out bool isTrial, out TimeSpan retryAfter)
    {
        isTrial = false;
        retryAfter = TimeSpan.Zero;
        lock (_lock)
        {
            if (_openedAt is not { } openedAt)
            {
                return true;
            }

            var remaining = openedAt + breakDuration - timeProvider.GetUtcNow();
            if (remaining > TimeSpan.Zero || _trialInFlight)
            {
                retryAfter = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
                return false;
            }

            _trialInFlight = isTrial = true;
            return true;
        }
    }

    /// <summary>True when this outcome opened the circuit (a straggler failing while it is open only extends the break).</summary>
    private bool Record(Exception? exception, bool isTrial)
    {
        lock (_lock)
        {
            if (isTrial)
            {
                _trialInFlight = false;
            }

            // Calls that never reached the provider (another breaker refused them, the caller gave up) say nothing
            // about its health; after such a trial the next call is the trial.
            if (exception is BrokenCircuitException or OperationCanceledException)
            {
                return false;
            }

            if (exception is null || !ModelFailures.IsTransient(exception))
            {
                _consecutiveFailures = 0;
                _openedAt = null;
                return false;
            }

            _consecutiveFailures++;
            if (_consecutiveFailures < failureThreshold)
            {
                return false;
            }

            var opening = _openedAt is null || isTrial;
            _openedAt = timeProvider.GetUtcNow();
            return opening;
        }
    }
}
