using Chat9.Application.Common.Interfaces;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Idempotency;

/// <summary>
/// Idempotency keys as rows of <c>IdempotencyRecords</c> with a unique (bot, endpoint, key) index: the first insert
/// wins; taking over a failed or stale claim is a conditional update on the row's state and claim time. Expired rows of
/// the bot are deleted when a new key is claimed.
/// </summary>
public sealed class IdempotencyStore(Chat9DbContext db) : IIdempotencyStore
{
    private const int MaxAttempts = 3;

    public async Task<IdempotencyClaim> ClaimAsync(
        Guid botId, string endpoint, string key, string requestHash, DateTimeOffset now, TimeSpan window, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var records = db.Set<IdempotencyRecord>();
        for (var attempt = 1; ; attempt++)
        {
            var existing = await records.AsNoTracking()
                .SingleOrDefaultAsync(r => r.BotId == botId && r.Endpoint == endpoint && r.Key == key, cancellationToken);
            if (existing is null || existing.CreatedAt + window <= now)
            {
                var expiredBefore = now - window;
                await records.Where(r => r.BotId == botId && r.CreatedAt <= expiredBefore).ExecuteDeleteAsync(cancellationToken);
                var record = new IdempotencyRecord
                {
                    Id = Guid.CreateVersion7(now), BotId = botId, Endpoint = endpoint, Key = key, RequestHash = requestHash,
                    State = IdempotencyState.InFlight, CreatedAt = now, ClaimedAt = now,
                };
                records.Add(record);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new IdempotencyClaim(IdempotencyClaimKind.Run);
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another request inserted the key first: read what it did.
                    db.Entry(record).State = EntityState.Detached;
                    continue;
                }
            }

            if (existing.RequestHash != requestHash)
            {
                return new IdempotencyClaim(IdempotencyClaimKind.KeyReused);
            }

            if (existing.State == IdempotencyState.Succeeded)
            {
                return new IdempotencyClaim(IdempotencyClaimKind.Replay, existing.Response);
            }

            if (existing.State == IdempotencyState.InFlight && existing.ClaimedAt + staleAfter > now)
            {
                return new IdempotencyClaim(IdempotencyClaimKind.InFlight);
            }

            // A failed (or abandoned) request: run again, once, whoever updates the row first.
            var taken = await records
                .Where(r => r.Id == existing.Id && r.State == existing.State && r.ClaimedAt == existing.ClaimedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, IdempotencyState.InFlight).SetProperty(r => r.ClaimedAt, now), cancellationToken);
            return taken == 1
                ? new IdempotencyClaim(IdempotencyClaimKind.Run, null, existing.SessionId, existing.UserMessageId)
                : new IdempotencyClaim(IdempotencyClaimKind.InFlight);
        }
    }

    public Task SucceedAsync(Guid botId, string endpoint, string key, string response, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>()
            .Where(r => r.BotId == botId && r.Endpoint == endpoint && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, IdempotencyState.Succeeded).SetProperty(r => r.Response, response), cancellationToken);

    public Task FailAsync(Guid botId, string endpoint, string key, Guid? sessionId, Guid? userMessageId, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>()
            .Where(r => r.BotId == botId && r.Endpoint == endpoint && r.Key == key)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, IdempotencyState.Failed)
                    .SetProperty(r => r.SessionId, r => sessionId ?? r.SessionId)
                    .SetProperty(r => r.UserMessageId, r => userMessageId ?? r.UserMessageId),
                cancellationToken);
}
