namespace Chat9.Application.Common.Interfaces;

/// <summary>
/// Serializes the turns of one session across requests and server instances (pipeline.md "Concurrency") with a lease
/// stored on the session row: taking it is one conditional update, so two instances cannot both hold it, and a crashed
/// holder's lease simply expires.
/// </summary>
public interface ISessionTurnLocks
{
    /// <summary>Takes the session's turn lease if nobody holds it (or the holder's lease expired). False when it is held.</summary>
    Task<bool> TryAcquireAsync(Guid sessionId, Guid leaseId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease like <see cref="TryAcquireAsync"/> and, when it got it, runs <paramref name="withLease"/> in the
    /// same transaction, so the lease and what the work saves are one commit. When the work throws, nothing of it is
    /// saved and the lease is not taken. The work may run more than once (a retried transaction): it must start from
    /// fresh reads.
    /// </summary>
    Task<bool> TryAcquireAsync(Guid sessionId, Guid leaseId, DateTimeOffset now, TimeSpan lease, Func<CancellationToken, Task> withLease, CancellationToken cancellationToken);

    /// <summary>Gives the lease back if <paramref name="leaseId"/> still holds it.</summary>
    Task ReleaseAsync(Guid sessionId, Guid leaseId, CancellationToken cancellationToken);

    /// <summary>A session created by this turn is inserted already holding the lease (no separate update).</summary>
    void HoldNewSession(Domain.Sessions.Session session, Guid leaseId, DateTimeOffset now, TimeSpan lease);

    /// <summary>The next save of the (tracked) session also releases its lease, so the reply and the release are one commit.</summary>
    void ReleaseWithNextSave(Domain.Sessions.Session session);
}
