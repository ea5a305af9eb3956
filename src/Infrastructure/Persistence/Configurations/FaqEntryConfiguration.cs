using Chat9.Domain.Bots;
using Chat9.Domain.Faq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> builder)
    {
        builder.ToTable("FaqEntries");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Question).IsRequired();
        builder.Property(f => f.Answer).IsRequired();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Bot>().WithMany().HasForeignKey(f => f.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.BotId, f.Status });
    }
}
