using Chat9.Domain.Documents;
using Mediator;

namespace Chat9.Application.Documents.ProcessDocument;

/// <summary>Parses, chunks, indexes and health-checks a claimed document. Returns its new status, or <c>null</c> if the claim was lost.</summary>
public sealed record ProcessDocumentCommand(Guid DocumentId, string WorkerId) : ICommand<DocumentStatus?>;
