using Chat9.Domain.ApiKeys;
using Chat9.Domain.Bots;
using Chat9.Domain.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Faq;
using Chat9.Domain.Gaps;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sources;
using Chat9.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence;

/// <summary>
/// The Chat9 model, shared by both providers. Each provider has a subclass of its own
/// (<see cref="SqliteChat9DbContext"/>, <see cref="SqlServerChat9DbContext"/>) so that each keeps its own migration set.
/// </summary>
public abstract class Chat9DbContext(DbContextOptions options) : DbContext(options), IUnitOfWork
{
    public DbSet<Bot> Bots => Set<Bot>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<Domain.Notifications.NotificationDelivery> NotificationDeliveries => Set<Domain.Notifications.NotificationDelivery>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentChunk> DocumentChunks => Set<DocumentChunk>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<UrlSource> UrlSources => Set<UrlSource>();

    public DbSet<CrawlRun> CrawlRuns => Set<CrawlRun>();

    public DbSet<Gap> Gaps => Set<Gap>();

    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();

    public DbSet<KnowledgeProfile> KnowledgeProfiles => Set<KnowledgeProfile>();

    public DbSet<Domain.Jobs.BotJob> BotJobs => Set<Domain.Jobs.BotJob>();

    /// <summary>
    /// Commits the unit of work. When the change touches searchable chunks, the bots' knowledge versions rise in the
    /// same transaction, so no reader can cache an index that misses the change.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SaveWithKnowledgeVersionsAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("Another process changed the same data first.", ex);
        }
    }

    private async Task<int> SaveWithKnowledgeVersionsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        // Domain events are published by DispatchDomainEventsInterceptor inside the save; their handlers do not touch chunks.
        var affectedBots = KnowledgeVersion.AffectedBots(ChangeTracker);
        if (affectedBots.Count == 0 || Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var botId in affectedBots)
            {
                await KnowledgeVersion.BumpAsync(this, botId, cancellationToken);
            }

            return saved;
        }

        var strategy = Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            foreach (var botId in affectedBots)
            {
                await KnowledgeVersion.BumpAsync(this, botId, ct);
            }

            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);

        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return result;
    }

    public void DiscardChanges() => ChangeTracker.Clear();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Chat9DbContext).Assembly);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            modelBuilder.Entity(entityType.ClrType).Ignore(nameof(Entity.DomainEvents));
        }
    }
}

public sealed class SqliteChat9DbContext(DbContextOptions<SqliteChat9DbContext> options) : Chat9DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type and cannot compare or order DateTimeOffset text in SQL.
        // Chat9 stores UTC only, so a sortable 64-bit encoding keeps every query translatable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class SqlServerChat9DbContext(DbContextOptions<SqlServerChat9DbContext> options) : Chat9DbContext(options)
{
    /// <summary>
    /// SQL Server compares text case-insensitively by default; SQLite compares bytes. Identifiers that callers choose
    /// (an identified visitor's user id, an idempotency key) and the bot's public id compare exactly on both, so
    /// "Ana" never resumes "ana"'s session and two keys differing in case are two keys.
    /// </summary>
    public const string ExactCollation = "Latin1_General_100_BIN2_UTF8";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Session>().OwnsOne(s => s.User, u => u.Property(x => x.UserId).UseCollation(ExactCollation));
        modelBuilder.Entity<Idempotency.IdempotencyRecord>().Property(r => r.Key).UseCollation(ExactCollation);
        modelBuilder.Entity<Bot>().Property(b => b.PublicId).UseCollation(ExactCollation);
    }
}
