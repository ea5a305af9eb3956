using Chat9.Application.Knowledge.Profile.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Knowledge.Specifications;
using Mediator;

namespace Chat9.Application.Knowledge.Profile.GetKnowledgeProfile;

public sealed class GetKnowledgeProfileQueryHandler(IReadRepository<KnowledgeProfile> profiles, TimeProvider clock)
    : IQueryHandler<GetKnowledgeProfileQuery, KnowledgeProfileDto>
{
    public async ValueTask<KnowledgeProfileDto> Handle(GetKnowledgeProfileQuery query, CancellationToken cancellationToken)
    {
        // A bot without its row (see ProfileLookup) shows an empty profile that waits for its first extraction.
        var profile = await profiles.FirstOrDefaultAsync(new KnowledgeProfileOfBotSpec(query.BotId), cancellationToken)
            ?? KnowledgeProfile.CreateFor(query.BotId, clock.GetUtcNow());
        return KnowledgeProfileDto.From(profile);
    }
}
