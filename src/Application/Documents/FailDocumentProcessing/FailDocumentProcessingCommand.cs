using Mediator;

namespace Chat9.Application.Documents.FailDocumentProcessing;

/// <summary>Ends a claimed document in <c>error</c> (e.g. <c>processing_timeout</c>) if the worker still holds it.</summary>
public sealed record FailDocumentProcessingCommand(Guid DocumentId, string WorkerId, string Code, string Message) : ICommand<bool>;
