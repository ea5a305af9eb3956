using Chat9.Domain.Bots;
using Chat9.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Language).HasMaxLength(16);
        builder.Property(s => s.TicketNumber).HasMaxLength(16);
        builder.HasOne<Bot>().WithMany().HasForeignKey(s => s.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.BotId, s.LastActivityAt });

        // Claim limits count code points (README "characters"); a column counts UTF-16 units, so it takes twice as many.
        builder.OwnsOne(s => s.User, u =>
        {
            u.Property(x => x.UserId).HasColumnName("UserId").HasMaxLength(256).IsRequired();
            u.Property(x => x.Email).HasColumnName("UserEmail").HasMaxLength(320);
            u.Property(x => x.Name).HasColumnName("UserName");
            u.Property(x => x.PlanTier).HasColumnName("UserPlanTier").HasMaxLength(128);
            u.Property(x => x.Locale).HasColumnName("UserLocale").HasMaxLength(35);
            u.HasIndex(x => x.UserId);
        });
        builder.Property(s => s.Hints).HasJsonConversion();
        builder.Property(s => s.RequestLocale).HasMaxLength(Session.MaxLocaleChars);
        builder.Property(s => s.PendingContactTrigger).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(s => s.HasAskedClarification);
        builder.Ignore(s => s.IsEmpty);

        // The turn lease (pipeline.md "Concurrency"): taken and released with single-row updates by SessionTurnLocks,
        // so turns of one session are serialized across server instances. Not part of the domain model.
        builder.Property<Guid?>(SessionTurnLockColumns.LeaseId);
        builder.Property<DateTimeOffset?>(SessionTurnLockColumns.LeaseExpiresAt);

        builder.HasMany(s => s.Messages).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Feedback).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Content).IsRequired();
        builder.Ignore(m => m.Sources);
        builder.Ignore(m => m.SourceDocumentIds);
        builder.JsonList<Message, SourceReference>("_sources", "Sources");
        builder.JsonList<Message, Guid>("_sourceDocumentIds", "SourceDocumentIds");
        builder.Property(m => m.Diagnostics).HasJsonConversion();
        builder.HasIndex(m => new { m.SessionId, m.CreatedAt });
    }
}

internal static class SessionTurnLockColumns
{
    public const string LeaseId = "TurnLeaseId";
    public const string LeaseExpiresAt = "TurnLeaseExpiresAt";
}
