using Mediator;

namespace Chat9.Application.Gaps.DraftGapSection;

/// <summary><c>POST /gap-analyzer/{id}/draft</c>: a Markdown documentation section that answers the gap's questions.</summary>
public sealed record DraftGapSectionCommand(Guid BotId, Guid GapId) : ICommand<GapDraftDto>;

/// <param name="GeneratedBy"><c>model</c> or <c>template</c>.</param>
public sealed record GapDraftDto(Guid GapId, string Title, string Markdown, string GeneratedBy);
