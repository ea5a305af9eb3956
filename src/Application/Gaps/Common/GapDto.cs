using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Gaps;
using Chat9.Domain.Gaps.Specifications;

namespace Chat9.Application.Gaps.Common;

/// <summary>A gap as the management API shows it (management-api.md "Gap Analyzer").</summary>
public sealed record GapDto(
    Guid Id,
    GapMode Mode,
    string Title,
    int QuestionCount,
    IReadOnlyList<string> ExampleQuestions,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    GapStatus Status,
    SuggestedAction SuggestedAction,
    GapSignals Signals,
    string? DismissedReason,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset UpdatedAt)
{
    public static GapDto From(Gap gap) => new(
        gap.Id, gap.Mode, gap.Title, gap.QuestionCount, gap.ExampleQuestions, gap.FirstSeen, gap.LastSeen, gap.Status,
        gap.SuggestedAction, gap.Signals, gap.DismissedReason, gap.ResolvedAt, gap.UpdatedAt);
}

internal static class GapLookup
{
    public static async Task<Gap> GetGapAsync(this IRepository<Gap> gaps, Guid botId, Guid id, CancellationToken ct) =>
        await gaps.FirstOrDefaultAsync(new GapOfBotSpec(botId, id), ct)
        ?? throw new NotFoundException("not_found", "No gap with this id.");
}
