using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Knowledge.Specifications;

namespace Chat9.Application.Knowledge.Profile.Common;

public static class ProfileLookup
{
    private const int MaxAttempts = 5;

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

    /// <summary>
    /// Reads the profile, applies <paramref name="change"/> and saves; when another change was saved in between (the
    /// profile's revision moved), reads it again and applies the change on top, so neither change is lost.
    /// </summary>
    public static Task<KnowledgeProfile> ChangeAsync(
        this IRepository<KnowledgeProfile> profiles, IUnitOfWork unitOfWork, Guid botId, TimeProvider clock,
        Action<KnowledgeProfile, DateTimeOffset> change, CancellationToken ct) =>
        unitOfWork.RetryOnConflictAsync(MaxAttempts, async () =>
        {
            var now = clock.GetUtcNow();
            var profile = await profiles.GetForChangeAsync(botId, now, ct);
            change(profile, now);
            await unitOfWork.SaveChangesAsync(ct);
            return profile;
        });
}
