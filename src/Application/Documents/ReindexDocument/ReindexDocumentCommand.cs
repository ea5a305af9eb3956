using Chat9.Application.Documents.Common;
using Mediator;

namespace Chat9.Application.Documents.ReindexDocument;

/// <summary><c>POST /documents/{id}/reindex</c>: re-processes the stored original; the old chunks serve until replaced.</summary>
public sealed record ReindexDocumentCommand(Guid BotId, Guid DocumentId) : ICommand<DocumentDto>;
