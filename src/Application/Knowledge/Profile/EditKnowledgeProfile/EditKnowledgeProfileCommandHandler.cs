using Chat9.Application.Knowledge.Profile.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Mediator;

namespace Chat9.Application.Knowledge.Profile.EditKnowledgeProfile;

public sealed class EditKnowledgeProfileCommandHandler(IRepository<KnowledgeProfile> profiles, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<EditKnowledgeProfileCommand, KnowledgeProfileDto>
{
    public async ValueTask<KnowledgeProfileDto> Handle(EditKnowledgeProfileCommand command, CancellationToken cancellationToken)
    {
        var patch = command.Patch;
        var profile = await profiles.ChangeAsync(unitOfWork, command.BotId, clock, (current, now) => Apply(current, patch, now), cancellationToken);
        return KnowledgeProfileDto.From(profile);
    }

    private static void Apply(KnowledgeProfile profile, KnowledgeProfilePatch patch, DateTimeOffset now)
    {
        if (patch.ProductName.IsSet)
        {
            profile.EditProductName(NullIfBlank(patch.ProductName.Value), now);
        }

        if (patch.Summary.IsSet)
        {
            profile.EditSummary(NullIfBlank(patch.Summary.Value), now);
        }

        if (patch.Topics.IsSet)
        {
            profile.EditTopics(patch.Topics.Value!.Select(t => t!.Trim()), now);
        }

        if (patch.Glossary.IsSet)
        {
            profile.EditGlossary(patch.Glossary.Value!.Select(g => new GlossaryEntry(g!.Term!.Trim(), g.Definition!.Trim())), now);
        }
    }

    // A blank name or summary says "none", like null: the bot's name then stands in for the product.
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
