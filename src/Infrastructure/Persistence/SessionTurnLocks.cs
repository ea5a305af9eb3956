using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Sessions;
using Chat9.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence;

/// <summary>The session turn lease as two columns of <c>Sessions</c>, taken and released with single conditional updates.</summary>
public sealed class SessionTurnLocks(Chat9DbContext db) : ISessionTurnLocks
{
    public async Task<bool> TryAcquireAsync(Guid sessionId, Guid leaseId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var expires = now + lease;
        var taken = await db.Set<Session>()
            .Where(s => s.Id == sessionId)
            .Where(s => EF.Property<Guid?>(s, SessionTurnLockColumns.LeaseId) == null
                || EF.Property<DateTimeOffset?>(s, SessionTurnLockColumns.LeaseExpiresAt) <= now)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(s => EF.Property<Guid?>(s, SessionTurnLockColumns.LeaseId), leaseId)
                    .SetProperty(s => EF.Property<DateTimeOffset?>(s, SessionTurnLockColumns.LeaseExpiresAt), expires),
                cancellationToken);
        return taken == 1;
    }

    public Task<bool> TryAcquireAsync(
        Guid sessionId, Guid leaseId, DateTimeOffset now, TimeSpan lease, Func<CancellationToken, Task> withLease, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await TryAcquireAsync(sessionId, leaseId, now, lease, ct))
            {
                return false;
            }

            await withLease(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

    public Task ReleaseAsync(Guid sessionId, Guid leaseId, CancellationToken cancellationToken) =>
        db.Set<Session>()
            .Where(s => s.Id == sessionId && EF.Property<Guid?>(s, SessionTurnLockColumns.LeaseId) == leaseId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(s => EF.Property<Guid?>(s, SessionTurnLockColumns.LeaseId), (Guid?)null)
                    .SetProperty(s => EF.Property<DateTimeOffset?>(s, SessionTurnLockColumns.LeaseExpiresAt), (DateTimeOffset?)null),
                cancellationToken);

    public void HoldNewSession(Session session, Guid leaseId, DateTimeOffset now, TimeSpan lease)
    {
        var entry = db.Entry(session);
        entry.Property(SessionTurnLockColumns.LeaseId).CurrentValue = leaseId;
        entry.Property(SessionTurnLockColumns.LeaseExpiresAt).CurrentValue = now + lease;
    }

    public void ReleaseWithNextSave(Session session)
    {
        var entry = db.Entry(session);
        entry.Property(SessionTurnLockColumns.LeaseId).CurrentValue = null;
        entry.Property(SessionTurnLockColumns.LeaseExpiresAt).CurrentValue = null;
    }
}
