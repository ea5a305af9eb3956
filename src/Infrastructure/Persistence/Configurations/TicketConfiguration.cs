using Chat9.Domain.Bots;
using Chat9.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Ignore(t => t.TicketNumber);
        builder.HasIndex(t => new { t.BotId, t.Number }).IsUnique();
        // One ticket per session: escalation is idempotent per session.
        builder.HasIndex(t => t.SessionId).IsUnique();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Trigger).HasConversion<string>().HasMaxLength(32);
        // Only the bot cascades: SQL Server refuses a second cascade path through the session.
        builder.HasOne<Bot>().WithMany().HasForeignKey(t => t.BotId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsOne(t => t.Contact, c =>
        {
            // Claim limits count code points; columns count UTF-16 units (see SessionConfiguration).
            c.Property(x => x.UserId).HasColumnName("ContactUserId").HasMaxLength(256);
            c.Property(x => x.Email).HasColumnName("ContactEmail").HasMaxLength(320);
            c.Property(x => x.Name).HasColumnName("ContactName");
            c.Property(x => x.PlanTier).HasColumnName("ContactPlanTier").HasMaxLength(128);
            c.Property(x => x.Verified).HasColumnName("ContactVerified");
        });
        builder.Navigation(t => t.Contact).IsRequired();
        builder.Ignore(t => t.TranscriptExcerpt);
        builder.JsonList<Ticket, TranscriptLine>("_transcriptExcerpt", "TranscriptExcerpt");
    }
}
