using System.Text;
using Chat9.Application.Chat.Pipeline.Privacy;
using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Gaps.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Mediator;

namespace Chat9.Application.Gaps.DraftGapSection;

/// <summary>
/// With a model: a section written from the closest existing chunks (PII-redacted questions, grounded in the passages).
/// Offline, or when the model cannot answer: a template with the title, the example questions, an empty "Answer"
/// section and the most related existing documents.
/// </summary>
public sealed class DraftGapSectionCommandHandler(
    IReadRepository<Bot> bots,
    IRepository<Gap> gaps,
    KnowledgeRetriever retriever,
    IGapWriter writer) : ICommandHandler<DraftGapSectionCommand, GapDraftDto>
{
    private const int ContextChunks = 6;
    private const int RelatedDocuments = 3;

    public async ValueTask<GapDraftDto> Handle(DraftGapSectionCommand command, CancellationToken cancellationToken)
    {
        var gap = await gaps.GetGapAsync(command.BotId, command.GapId, cancellationToken);
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(command.BotId), cancellationToken)
            ?? throw new NotFoundException("not_found", "No gap with this id.");

        var redactor = new PiiRedactor();
        var chunks = new List<ChunkDetails>();
        foreach (var query in gap.ExampleQuestions.Prepend(gap.Title))
        {
            var retrieval = await retriever.RetrieveAsync(bot, query, null, cancellationToken, text => redactor.Redact(text).Text);
            chunks.AddRange(retrieval.Context.Select(c => c.Chunk).Where(c => chunks.TrueForAll(known => known.ChunkId != c.ChunkId)));
        }

        if (writer.IsConfigured)
        {
            var questions = gap.ExampleQuestions.Select(q => redactor.Redact(q).Text).ToList();
            var written = await writer.DraftAsync(gap.Title, questions, [.. chunks.Take(ContextChunks).Select(c => c.Text)], cancellationToken);
            if (written is not null)
            {
                return new GapDraftDto(gap.Id, gap.Title, redactor.Restore(written), "model");
            }
        }

        return new GapDraftDto(gap.Id, gap.Title, Template(gap, chunks), "template");
    }

    private static string Template(Gap gap, IReadOnlyList<ChunkDetails> chunks)
    {
        var markdown = new StringBuilder();
        markdown.Append("## ").Append(OneLine(gap.Title)).Append("\n\n");
        markdown.Append("Visitors asked:\n\n");
        foreach (var question in gap.ExampleQuestions)
        {
            markdown.Append("- ").Append(OneLine(question)).Append('\n');
        }

        markdown.Append("\n### Answer\n\n_Write the answer here: what visitors need to know, step by step._\n\n### Related documents\n\n");
        var related = chunks.DistinctBy(c => c.DocumentId).Take(RelatedDocuments).ToList();
        if (related.Count == 0)
        {
            markdown.Append("No existing document covers this topic yet.\n");
        }

        foreach (var chunk in related)
        {
            var name = string.Join(" › ", chunk.HeadingPath.Prepend(chunk.Filename).Select(OneLine));
            markdown.Append("- ").Append(chunk.SourceUrl is { } url ? $"[{name}](<{url}>)" : name).Append('\n');
        }

        return markdown.ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
