using Chat9.Domain.Knowledge;

namespace Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;

/// <summary>What one extraction found, before it is applied to the profile (edited fields are kept there).</summary>
public sealed record ProfileDraft(string? ProductName, string? Summary, IReadOnlyList<string> Topics, IReadOnlyList<GlossaryEntry> Glossary)
{
    public static ProfileDraft Empty { get; } = new(null, null, [], []);
}
