using Chat9.Application.Common.Models;
using Chat9.Application.Knowledge.Profile.Common;
using Mediator;

namespace Chat9.Application.Knowledge.Profile.EditKnowledgeProfile;

/// <summary>
/// <c>PATCH /knowledge/profile</c>: changes only the members that were sent and marks them edited, so extraction keeps
/// them. <see cref="RejectedFields"/> lists members the client sent that cannot be patched (unknown or read-only, as
/// snake_case paths); any of them fails validation.
/// </summary>
public sealed record EditKnowledgeProfileCommand(Guid BotId, KnowledgeProfilePatch Patch, IReadOnlyList<string> RejectedFields) : ICommand<KnowledgeProfileDto>;

public sealed record KnowledgeProfilePatch
{
    /// <summary>≤ 200 characters, or null (the bot's name stands in).</summary>
    public Optional<string?> ProductName { get; init; }

    /// <summary>≤ 2,000 characters, or null.</summary>
    public Optional<string?> Summary { get; init; }

    /// <summary>≤ 50 strings of 1–100 characters.</summary>
    public Optional<IReadOnlyList<string?>?> Topics { get; init; }

    /// <summary>≤ 200 entries, each a term of 1–100 and a definition of 1–1,000 characters.</summary>
    public Optional<IReadOnlyList<GlossaryTermPatch?>?> Glossary { get; init; }
}

public sealed record GlossaryTermPatch(string? Term, string? Definition);
