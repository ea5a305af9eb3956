using Mediator;

namespace Chat9.Application.Documents.DeleteDocument;

/// <summary><c>DELETE /documents/{id}</c>: the chunks leave search in the same commit.</summary>
public sealed record DeleteDocumentCommand(Guid BotId, Guid DocumentId) : ICommand;
