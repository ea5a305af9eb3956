using Chat9.Domain.Bots;
using Chat9.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Endpoint).HasMaxLength(64).IsRequired();
        // Keys are printable ASCII (1–255); ordinal comparison on both providers.
        builder.Property(r => r.Key).HasMaxLength(255).IsUnicode(false).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.BotId, r.Endpoint, r.Key }).IsUnique();
        builder.HasIndex(r => new { r.BotId, r.CreatedAt });
        builder.HasOne<Bot>().WithMany().HasForeignKey(r => r.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
