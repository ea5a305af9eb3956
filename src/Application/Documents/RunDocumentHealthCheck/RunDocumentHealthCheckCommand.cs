using Chat9.Application.Documents.Common;
using Mediator;

namespace Chat9.Application.Documents.RunDocumentHealthCheck;

/// <summary><c>POST /documents/{id}/health/run</c>: re-reads the stored original and checks it now.</summary>
public sealed record RunDocumentHealthCheckCommand(Guid BotId, Guid DocumentId) : ICommand<DocumentHealthDto>;
