using Chat9.Domain.Bots;
using Chat9.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class UrlSourceConfiguration : IEntityTypeConfiguration<UrlSource>
{
    public void Configure(EntityTypeBuilder<UrlSource> builder)
    {
        builder.ToTable("UrlSources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(2048).IsRequired();
        builder.Property(s => s.Host).HasMaxLength(300).IsRequired();
        builder.HasIndex(s => new { s.BotId, s.Host }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(UrlSource.NameMaxChars * 2).IsRequired();
        builder.Property(s => s.Schedule).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.PendingTrigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.LeaseOwner).HasMaxLength(128);
        builder.Property(s => s.ClaimCount).IsConcurrencyToken();
        builder.HasIndex(s => new { s.Status, s.NextRunAt });
        builder.Ignore(s => s.Exclusions);
        builder.Ignore(s => s.ExcludedPages);
        builder.JsonList<UrlSource, string>("_exclusions", "Exclusions");
        builder.JsonList<UrlSource, string>("_excludedPages", "ExcludedPages");
        builder.HasOne<Bot>().WithMany().HasForeignKey(s => s.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Runs).WithOne().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Runs).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CrawlRunConfiguration : IEntityTypeConfiguration<CrawlRun>
{
    public void Configure(EntityTypeBuilder<CrawlRun> builder)
    {
        builder.ToTable("CrawlRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(r => r.FailedUrls);
        builder.JsonList<CrawlRun, FailedUrl>("_failedUrls", "FailedUrls");
        builder.HasIndex(r => new { r.SourceId, r.StartedAt });
    }
}
