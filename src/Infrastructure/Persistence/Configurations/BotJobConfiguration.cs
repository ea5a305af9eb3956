using Chat9.Domain.Bots;
using Chat9.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class BotJobConfiguration : IEntityTypeConfiguration<BotJob>
{
    public void Configure(EntityTypeBuilder<BotJob> builder)
    {
        builder.ToTable("BotJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Error).HasMaxLength(BotJob.ErrorMaxChars * 2);
        builder.Property(j => j.LeaseOwner).HasMaxLength(128);
        builder.Property(j => j.Attempts).IsConcurrencyToken();
        builder.HasOne<Bot>().WithMany().HasForeignKey(j => j.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.Status, j.DueAt });
        builder.HasIndex(j => new { j.BotId, j.Kind, j.Status });
    }
}
