using Chat9.Domain.ApiKeys;
using Chat9.Domain.Bots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Hash).HasMaxLength(ApiKeySecret.HashBytes).IsRequired();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.Last4).HasMaxLength(4).IsRequired();
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Bot>().WithMany().HasForeignKey(k => k.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
