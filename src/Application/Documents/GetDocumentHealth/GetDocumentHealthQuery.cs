using Chat9.Application.Documents.Common;
using Mediator;

namespace Chat9.Application.Documents.GetDocumentHealth;

public sealed record GetDocumentHealthQuery(Guid BotId, Guid DocumentId) : IQuery<DocumentHealthDto>;
