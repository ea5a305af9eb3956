using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Chat.Common;

/// <summary>
/// Waits for a session's turn lease (pipeline.md "Concurrency"): whatever writes to a conversation — a chat turn or an
/// escalation — holds it, so the history never interleaves. Gives up with <c>409 session_busy</c> after
/// <c>Limits:SessionTurnWaitSeconds</c>.
/// </summary>
public sealed class SessionTurnGate(
    ISessionTurnLocks turnLocks,
    IReadRepository<Session> sessions,
    TimeProvider clock,
    IOptions<LimitsOptions> options,
    ILogger<SessionTurnGate> logger)
{
    private static readonly TimeSpan BusyPollInterval = TimeSpan.FromMilliseconds(100);

    public Task AcquireAsync(Guid botId, Guid sessionId, Guid leaseId, TimeSpan lease, CancellationToken cancellationToken) =>
        AcquireAsync(botId, sessionId, leaseId, lease, withLease: null, cancellationToken);

    /// <summary>
    /// Waits for the lease; <paramref name="withLease"/>, when given, runs in the transaction that takes it, so the lease
    /// and what the work saves (a turn's question) are one commit instead of two.
    /// </summary>
    public async Task AcquireAsync(
        Guid botId, Guid sessionId, Guid leaseId, TimeSpan lease, Func<CancellationToken, Task>? withLease, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(options.Value.SessionTurnWaitSeconds);
        while (!await (withLease is null
                   ? turnLocks.TryAcquireAsync(sessionId, leaseId, clock.GetUtcNow(), lease, cancellationToken)
                   : turnLocks.TryAcquireAsync(sessionId, leaseId, clock.GetUtcNow(), lease, withLease, cancellationToken)))
        {
            if (!await sessions.AnyAsync(new SessionOfBotSpec(botId, sessionId), cancellationToken))
            {
                throw new ConflictException("session_not_found", "No session with this id exists for this bot.");
            }

            if (clock.GetUtcNow() >= deadline)
            {
                throw new ConflictException("session_busy", "Another message of this chat is still being answered. Try again in a moment.");
            }

            await Task.Delay(BusyPollInterval, clock, cancellationToken);
        }
    }

    /// <summary>Gives the lease back; a failure only logs, because the lease expires by itself.</summary>
    public async Task ReleaseQuietlyAsync(Guid sessionId, Guid leaseId)
    {
        try
        {
            await turnLocks.ReleaseAsync(sessionId, leaseId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The next turn of this session just waits for the lease to expire.
            logger.LogWarning(ex, "Could not release the turn lease of session {SessionId}.", sessionId);
        }
    }
}
