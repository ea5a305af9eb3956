namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Remembers requests sent with an <c>Idempotency-Key</c> per bot and endpoint for the idempotency window
/// (management-api.md "Idempotency"). A claim is atomic across server instances: of two requests with one key, only one
/// runs; the other learns that it is in flight, or gets the stored answer.
/// </summary>
public interface IIdempotencyStore
{
    /// <param name="staleAfter">An in-flight claim older than this belongs to a request that died; it may be taken over.</param>
    Task<IdempotencyClaim> ClaimAsync(
        Guid botId, string endpoint, string key, string requestHash, DateTimeOffset now, TimeSpan window, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>The request succeeded: later requests with the key get <paramref name="response"/> replayed.</summary>
    Task SucceedAsync(Guid botId, string endpoint, string key, string response, CancellationToken cancellationToken);

    /// <summary>The request failed: the next one with the key runs again, reusing the session and the stored user message.</summary>
    Task FailAsync(Guid botId, string endpoint, string key, Guid? sessionId, Guid? userMessageId, CancellationToken cancellationToken);
}

public enum IdempotencyClaimKind
{
    /// <summary>This request runs (first time, or again after a failure).</summary>
    Run,

    /// <summary>The first request succeeded: replay its answer.</summary>
    Replay,

    /// <summary>The first request is still running.</summary>
    InFlight,

    /// <summary>The key was used for a different request.</summary>
    KeyReused,
}

/// <param name="Response">The stored answer (for <see cref="IdempotencyClaimKind.Replay"/>).</param>
/// <param name="SessionId">The session a failed earlier attempt used (or created).</param>
/// <param name="UserMessageId">The user message a failed earlier attempt stored, to reuse instead of storing it twice.</param>
public sealed record IdempotencyClaim(IdempotencyClaimKind Kind, string? Response = null, Guid? SessionId = null, Guid? UserMessageId = null);
