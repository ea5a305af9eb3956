using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Chat9.Domain.Faq.Specifications;

namespace Chat9.Application.Knowledge.Faq.Common;

public sealed record FaqEntryDto(
    Guid Id,
    string Question,
    string Answer,
    FaqStatus Status,
    FaqSource Source,
    double? Confidence,
    Guid? SourceDocumentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ApprovedAt)
{
    public static FaqEntryDto From(FaqEntry entry) => new(
        entry.Id, entry.Question, entry.Answer, entry.Status, entry.Source, entry.Confidence, entry.SourceDocumentId,
        entry.CreatedAt, entry.UpdatedAt, entry.ApprovedAt);
}

/// <summary>The list envelope of <c>GET /knowledge/faq</c>: a page plus how many candidates wait for review.</summary>
public sealed record FaqPageDto(IReadOnlyList<FaqEntryDto> Items, int Total, string? NextCursor, int CandidateCount);

internal static class FaqLookup
{
    public static async Task<FaqEntry> GetEntryAsync(this IRepository<FaqEntry> entries, Guid botId, Guid id, CancellationToken ct) =>
        await entries.FirstOrDefaultAsync(new FaqEntryOfBotSpec(botId, id), ct)
        ?? throw new NotFoundException("not_found", "No FAQ entry with this id.");
}
