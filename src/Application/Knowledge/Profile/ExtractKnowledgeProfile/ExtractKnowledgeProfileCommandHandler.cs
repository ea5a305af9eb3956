using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Knowledge.Common;
using Chat9.Application.Knowledge.Profile.Common;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;

/// <summary>
/// Extracts the profile from the bot's ready documents: by the guard model when one is configured and answers, else
/// by <see cref="ProfileHeuristics"/>. A model outage is no failure, it only means the heuristics decide. Fields the
/// operator edited are kept (<see cref="KnowledgeProfile.ApplyExtraction"/>). A bot without ready documents gets an
/// empty extraction. Anything else that goes wrong marks the profile <c>failed</c> and fails the job.
/// </summary>
public sealed class ExtractKnowledgeProfileCommandHandler(
    IReadRepository<Bot> bots,
    IRepository<KnowledgeProfile> profiles,
    IUnitOfWork unitOfWork,
    KnowledgeDocuments knowledgeDocuments,
    IKnowledgeExtractor extractor,
    TimeProvider clock,
    IOptions<LimitsOptions> options,
    ILogger<ExtractKnowledgeProfileCommandHandler> logger) : ICommandHandler<ExtractKnowledgeProfileCommand>
{
    /// <summary>What the model reads in all: the documents' outlines and openings, main documents first.</summary>
    private const int ExcerptBudgetChars = 24_000;

    private const int ExcerptMaxChars = 3_000;

    private const int OpeningChars = 1_200;

    public async ValueTask<Unit> Handle(ExtractKnowledgeProfileCommand command, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(command.BotId), cancellationToken);
        if (bot is null)
        {
            // Deleted since the job was queued: nothing to extract for.
            return Unit.Value;
        }

        try
        {
            var draft = await ExtractAsync(bot, cancellationToken);

            // Loaded only now, after the slow part, so an edit made meanwhile is seen and kept; an edit saved between
            // this read and the save raises the profile's revision, and the extraction is applied again on top of it.
            await profiles.ChangeAsync(unitOfWork, bot.Id, clock, (profile, now) =>
                profile.ApplyExtraction(draft.ProductName, draft.Summary, draft.Topics, draft.Glossary, now), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The job runner logs the exception and fails the job; the profile shows the failure to the operator.
            unitOfWork.DiscardChanges();
            var now = clock.GetUtcNow();
            (await profiles.GetForChangeAsync(bot.Id, now, cancellationToken)).MarkExtractionFailed(now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            throw;
        }

        return Unit.Value;
    }

    private async Task<ProfileDraft> ExtractAsync(Bot bot, CancellationToken cancellationToken)
    {
        var limits = options.Value.Profile;
        var documents = await knowledgeDocuments.ReadAsync(bot.Id, cancellationToken);
        if (documents.Count == 0)
        {
            return ProfileDraft.Empty;
        }

        if (extractor.IsConfigured)
        {
            var extracted = await extractor.ExtractProfileAsync(bot.Name, Excerpts(documents), cancellationToken);
            if (extracted is not null)
            {
                logger.LogInformation("Knowledge profile of bot {BotId} extracted by {Model} ({Tokens} tokens).", bot.Id, extracted.Usage.Model, extracted.Usage.Total);
                return new ProfileDraft(extracted.ProductName, extracted.Summary, extracted.Topics, extracted.Glossary);
            }

            logger.LogWarning("The model gave no knowledge profile for bot {BotId}; the heuristics extract it.", bot.Id);
        }

        return ProfileHeuristics.Extract(bot.Name, documents, limits);
    }

    /// <summary>Per document: its title, its headings and its opening text, within the model's reading budget.</summary>
    private static IReadOnlyList<DocumentExcerpt> Excerpts(IReadOnlyList<KnowledgeDocument> documents)
    {
        var excerpts = new List<DocumentExcerpt>();
        var budget = ExcerptBudgetChars;
        foreach (var document in documents)
        {
            var text = new StringBuilder();
            var headings = document.Outline.Sections.Where(s => s.Heading is not null && s.Level <= 3).Select(s => new string('#', s.Level) + " " + s.Heading).ToList();
            if (headings.Count > 0)
            {
                text.Append("Headings:\n").AppendJoin('\n', headings).Append("\n\n");
            }

            text.Append("Opening:\n").Append(document.Markdown(OpeningChars));
            var excerpt = Text.Truncate(text.ToString(), Math.Min(ExcerptMaxChars, budget));
            excerpts.Add(new DocumentExcerpt(document.Title, excerpt));
            budget -= excerpt.Length;
            if (budget < 200)
            {
                break;
            }
        }

        return excerpts;
    }
}
