using Chat9.Domain.Knowledge;

namespace Chat9.Application.Knowledge.Profile.Common;

/// <summary><c>GET /knowledge/profile</c>: what the bot knows about its product and how it came about.</summary>
/// <param name="EditedFields">Fields set through <c>PATCH</c>; extraction never overwrites them.</param>
public sealed record KnowledgeProfileDto(
    string? ProductName,
    string? Summary,
    IReadOnlyList<string> Topics,
    IReadOnlyList<GlossaryTermDto> Glossary,
    ProfileExtractionStatus ExtractionStatus,
    DateTimeOffset? ExtractedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> EditedFields)
{
    public static KnowledgeProfileDto From(KnowledgeProfile profile) => new(
        profile.ProductName,
        profile.Summary,
        [.. profile.Topics],
        [.. profile.Glossary.Select(g => new GlossaryTermDto(g.Term, g.Definition))],
        profile.ExtractionStatus,
        profile.ExtractedAt,
        profile.UpdatedAt,
        [.. profile.EditedFields]);
}

public sealed record GlossaryTermDto(string Term, string Definition);
