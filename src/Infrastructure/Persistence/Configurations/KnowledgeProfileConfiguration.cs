using Chat9.Domain.Bots;
using Chat9.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class KnowledgeProfileConfiguration : IEntityTypeConfiguration<KnowledgeProfile>
{
    public void Configure(EntityTypeBuilder<KnowledgeProfile> builder)
    {
        builder.ToTable("KnowledgeProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Bot>().WithOne().HasForeignKey<KnowledgeProfile>(p => p.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.ExtractionStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Ignore(p => p.Topics);
        builder.Ignore(p => p.Glossary);
        builder.Ignore(p => p.EditedFields);
        builder.JsonList<KnowledgeProfile, string>("_topics", "Topics");
        builder.JsonList<KnowledgeProfile, GlossaryEntry>("_glossary", "Glossary");
        builder.JsonList<KnowledgeProfile, string>("_editedFields", "EditedFields");
    }
}
