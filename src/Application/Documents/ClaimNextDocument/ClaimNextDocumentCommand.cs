using Mediator;

namespace Chat9.Application.Documents.ClaimNextDocument;

/// <summary>
/// Takes the oldest waiting document (queued, or processing under an expired lease) for <see cref="WorkerId"/>.
/// Returns <c>null</c> when there is nothing to do or another worker won the race.
/// </summary>
public sealed record ClaimNextDocumentCommand(string WorkerId) : ICommand<ClaimedDocument?>;

public sealed record ClaimedDocument(Guid DocumentId, Guid BotId);
