using Chat9.Application.Documents.Common;
using Mediator;

namespace Chat9.Application.Documents.UploadDocument;

/// <summary><c>POST /documents</c>: accepts a file into the ingestion queue (202 with the queued document).</summary>
public sealed record UploadDocumentCommand(Guid BotId, string Filename, byte[] Content, string? SourceUrl) : ICommand<DocumentDto>;
