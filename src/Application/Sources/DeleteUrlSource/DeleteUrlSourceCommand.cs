using Mediator;

namespace Chat9.Application.Sources.DeleteUrlSource;

/// <summary><c>DELETE /documents/sources/{id}</c>: the source, its pages and their chunks go in one commit.</summary>
public sealed record DeleteUrlSourceCommand(Guid BotId, Guid SourceId) : ICommand;
