using Chat9.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence;

/// <summary>Claims a delivery with one conditional update of its due time (the same row cannot be claimed twice).</summary>
public sealed class DeliveryClaims(Chat9DbContext db) : IDeliveryClaims
{
    public async Task<bool> TryClaimAsync(Guid deliveryId, DateTimeOffset due, DateTimeOffset claimedUntil, CancellationToken cancellationToken) =>
        await db.NotificationDeliveries
            .Where(d => d.Id == deliveryId && d.NextAttemptAt == due)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, claimedUntil), cancellationToken) == 1;
}
