using Chat9.Application.Documents.Common;
using Mediator;

namespace Chat9.Application.Documents.GetDocument;

public sealed record GetDocumentQuery(Guid BotId, Guid DocumentId) : IQuery<DocumentDetailDto>;
