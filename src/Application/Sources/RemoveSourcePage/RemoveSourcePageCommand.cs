using Mediator;

namespace Chat9.Application.Sources.RemoveSourcePage;

/// <summary><c>DELETE /documents/sources/{id}/pages/{document_id}</c>: removes the page and keeps later crawls from adding it back.</summary>
public sealed record RemoveSourcePageCommand(Guid BotId, Guid SourceId, Guid DocumentId) : ICommand;
