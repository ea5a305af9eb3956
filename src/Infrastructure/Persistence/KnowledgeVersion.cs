using Chat9.Domain.Bots;
using Chat9.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Chat9.Infrastructure.Persistence;

/// <summary>
/// The per-bot version of the searchable knowledge, a column of <c>Bots</c> that only infrastructure sees.
/// Every save that adds, removes or replaces chunks raises it in the same transaction, so any server instance
/// can tell with one cheap query whether its cached index is current.
/// </summary>
public static class KnowledgeVersion
{
    public const string PropertyName = "KnowledgeVersion";

    /// <summary>The bots whose searchable content the pending changes of <paramref name="tracker"/> touch.</summary>
    public static IReadOnlySet<Guid> AffectedBots(ChangeTracker tracker)
    {
        var bots = new HashSet<Guid>();
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case DocumentChunk chunk when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    bots.Add(chunk.BotId);
                    break;
                case Document document when entry.State is EntityState.Deleted:
                    bots.Add(document.BotId);
                    break;
            }
        }

        return bots;
    }

    public static Task<int> BumpAsync(Chat9DbContext db, Guid botId, CancellationToken cancellationToken) =>
        db.Bots.Where(b => b.Id == botId).ExecuteUpdateAsync(
            set => set.SetProperty(b => EF.Property<long>(b, PropertyName), b => EF.Property<long>(b, PropertyName) + 1),
            cancellationToken);

    public static Task<long> ReadAsync(Chat9DbContext db, Guid botId, CancellationToken cancellationToken) =>
        db.Bots.Where(b => b.Id == botId).Select(b => EF.Property<long>(b, PropertyName)).FirstOrDefaultAsync(cancellationToken);
}
