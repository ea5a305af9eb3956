using Mediator;

namespace Chat9.Application.Documents.RenewDocumentLease;

/// <summary>The worker's heartbeat while it processes a document. <c>false</c> means the lease is lost: stop working on it.</summary>
public sealed record RenewDocumentLeaseCommand(Guid DocumentId, string WorkerId) : ICommand<bool>;
