using Chat9.Domain.Bots;
using Chat9.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Filename).HasMaxLength(Document.FilenameMaxChars * 2).IsRequired();
        builder.Property(d => d.FileType).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ErrorCode).HasMaxLength(64);
        builder.Property(d => d.ContentSha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.LeaseOwner).HasMaxLength(128);
        builder.Property(d => d.Language).HasMaxLength(8);
        builder.Property(d => d.PageHash).HasMaxLength(64);
        // Pages of a URL source; no foreign key, because SQL Server refuses a second cascade path from Bots.
        builder.HasIndex(d => new { d.BotId, d.SourceId });
        builder.Ignore(d => d.HealthWarnings);
        builder.JsonList<Document, HealthWarning>("_healthWarnings", "HealthWarnings");
        builder.HasOne<Bot>().WithMany().HasForeignKey(d => d.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.BotId, d.ContentSha256 });
        // The ingestion queue scans by status and lease.
        builder.HasIndex(d => new { d.Status, d.LeaseExpiresAt });
        // Optimistic concurrency on claims: two workers cannot both take one document.
        builder.Property(d => d.ProcessingAttempts).IsConcurrencyToken();

        builder.HasMany(d => d.Chunks).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Chunks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<DocumentContent>().WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentChunkConfiguration : IEntityTypeConfiguration<DocumentChunk>
{
    public void Configure(EntityTypeBuilder<DocumentChunk> builder)
    {
        builder.ToTable("DocumentChunks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Text).IsRequired();
        builder.Property(c => c.Anchor).HasMaxLength(2048);
        builder.Ignore(c => c.HeadingPath);
        builder.JsonList<DocumentChunk, string>("_headingPath", "HeadingPath");
        builder.HasIndex(c => new { c.BotId, c.DocumentId, c.Ordinal });
        builder.Property(c => c.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Embedding).HasConversion(
            vector => vector == null ? null : EmbeddingBytes.From(vector),
            bytes => bytes == null ? null : EmbeddingBytes.To(bytes),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<float[]?>(
                (a, b) => EmbeddingBytes.AreEqual(a, b),
                v => v == null ? 0 : v.Length,
                v => v == null ? null : v.ToArray()));
        builder.HasIndex(c => new { c.BotId, c.ContentHash });
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.ToTable("DocumentContents");
        builder.HasKey(c => c.DocumentId);
        builder.Property(c => c.Bytes).IsRequired();
    }
}
