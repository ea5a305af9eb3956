using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Knowledge.Specifications;

namespace Chat9.Application.Knowledge.Profile.Common;

internal static class ProfileLookup
{
    /// <summary>
    /// The bot's profile, tracked for a change. Every bot gets one when it is created; should the row be missing anyway
    /// (a database restored in part), a new one is added rather than failing the operator's edit or the extraction.
    /// </summary>
    public static async Task<KnowledgeProfile> GetForChangeAsync(this IRepository<KnowledgeProfile> profiles, Guid botId, DateTimeOffset now, CancellationToken ct)
    {
        var profile = await profiles.FirstOrDefaultAsync(new KnowledgeProfileOfBotSpec(botId, tracked: true), ct);
        if (profile is null)
        {
            profile = KnowledgeProfile.CreateFor(botId, now);
            profiles.Add(profile);
        }

        return profile;
    }
}
