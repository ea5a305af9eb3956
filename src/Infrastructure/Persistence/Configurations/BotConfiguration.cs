using Chat9.Domain.Bots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class BotConfiguration : IEntityTypeConfiguration<Bot>
{
    public void Configure(EntityTypeBuilder<Bot> builder)
    {
        builder.ToTable("Bots");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.PublicId).HasMaxLength(BotPublicId.Length).IsRequired();
        builder.HasIndex(b => b.PublicId).IsUnique();
        builder.Property(b => b.Name).IsRequired();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.AccentColor).HasMaxLength(7).IsRequired();
        builder.HasIndex(b => b.IsDemo);

        builder.Ignore(b => b.AllowedDomains);
        builder.JsonList<Bot, string>("_allowedDomains", "AllowedDomains");

        builder.ComplexProperty(b => b.Escalation, e =>
        {
            e.Property(x => x.Enabled).HasColumnName("EscalationEnabled");
            e.Property(x => x.SupportEmail).HasColumnName("EscalationSupportEmail").HasMaxLength(320);
            e.Property(x => x.WebhookUrl).HasColumnName("EscalationWebhookUrl");
        });
        builder.ComplexProperty(b => b.Answering, a =>
        {
            a.Property(x => x.LowConfidenceThreshold).HasColumnName("LowConfidenceThreshold");
            a.Property(x => x.FaqMatchThreshold).HasColumnName("FaqMatchThreshold");
        });

        builder.OwnsOne(b => b.IdentitySecret, s => ConfigureSecret(s, "IdentitySecret"));
        builder.OwnsOne(b => b.WebhookSecret, s => ConfigureSecret(s, "WebhookSecret"));
        builder.Navigation(b => b.IdentitySecret).IsRequired(false);
        builder.Navigation(b => b.WebhookSecret).IsRequired(false);

        // Bumped in the same transaction as any change to the bot's searchable chunks; search caches follow it.
        builder.Property<long>(KnowledgeVersion.PropertyName).HasDefaultValue(0L);

        // Optimistic concurrency: two processes changing one bot (e.g. allocating ticket numbers) cannot both win.
        builder.Property(b => b.LastTicketNumber).IsConcurrencyToken();
    }

    private static void ConfigureSecret(OwnedNavigationBuilder<Bot, RotatingSecret> secret, string prefix)
    {
        secret.Property(s => s.ProtectedCurrent).HasColumnName(prefix + "Protected").IsRequired();
        secret.Property(s => s.ProtectedPrevious).HasColumnName(prefix + "PreviousProtected");
        secret.Property(s => s.PreviousValidUntil).HasColumnName(prefix + "PreviousValidUntil");
        secret.Property(s => s.RotatedAt).HasColumnName(prefix + "RotatedAt");
    }
}
