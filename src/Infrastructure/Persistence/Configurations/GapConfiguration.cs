using Chat9.Domain.Bots;
using Chat9.Domain.Gaps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat9.Infrastructure.Persistence.Configurations;

internal sealed class GapConfiguration : IEntityTypeConfiguration<Gap>
{
    public void Configure(EntityTypeBuilder<Gap> builder)
    {
        builder.ToTable("Gaps");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Title).IsRequired();
        builder.HasOne<Bot>().WithMany().HasForeignKey(g => g.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.BotId, g.Status, g.QuestionCount });
        builder.Ignore(g => g.ExampleQuestions);
        builder.JsonList<Gap, string>("_exampleQuestions", "ExampleQuestions");
        builder.ComplexProperty(g => g.SuggestedAction, a =>
        {
            a.Property(x => x.Kind).HasColumnName("SuggestedActionKind").HasConversion<string>().HasMaxLength(32);
            a.Property(x => x.Text).HasColumnName("SuggestedActionText");
        });
        builder.ComplexProperty(g => g.Signals, s =>
        {
            s.Property(x => x.LowConfidence).HasColumnName("SignalsLowConfidence");
            s.Property(x => x.NoDocuments).HasColumnName("SignalsNoDocuments");
            s.Property(x => x.AnswerRejected).HasColumnName("SignalsAnswerRejected");
            s.Property(x => x.ThumbsDown).HasColumnName("SignalsThumbsDown");
        });
    }
}
