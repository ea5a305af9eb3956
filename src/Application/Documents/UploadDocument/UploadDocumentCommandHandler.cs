using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Documents.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Documents.UploadDocument;

/// <summary>Checks an upload in the contract's order (size, empty, type, duplicate, item limit), then queues it.</summary>
public sealed class UploadDocumentCommandHandler(
    IRepository<Document> documents,
    IDocumentContentStore contents,
    IFileTypeDetector detector,
    IIngestionSignal ingestion,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits) : ICommandHandler<UploadDocumentCommand, DocumentDto>
{
    public async ValueTask<DocumentDto> Handle(UploadDocumentCommand command, CancellationToken cancellationToken)
    {
        var maxBytes = limits.Value.MaxFileBytes;
        if (command.Content.LongLength > maxBytes)
        {
            throw new TooLargeException("file_too_large", $"The file has {command.Content.LongLength} bytes; the limit is {maxBytes}.")
            {
                Extensions = new Dictionary<string, object?> { ["max_bytes"] = maxBytes },
            };
        }

        if (command.Content.Length == 0)
        {
            throw new UnprocessableException("empty_file", "The file is empty.");
        }

        var filename = Document.SanitizeFilename(command.Filename);
        var detection = detector.Detect(filename, command.Content);
        if (detection.FileType is not { } fileType)
        {
            throw new UnsupportedTypeException("unsupported_type", detection.Reason ?? "This file type is not supported.")
            {
                Extensions = detection.Hint is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["hint"] = detection.Hint },
            };
        }

        var sha256 = Document.Sha256Hex(command.Content);
        if (await documents.FirstOrDefaultAsync(new DocumentOfBotByHashSpec(command.BotId, sha256), cancellationToken) is { } existing)
        {
            throw new ConflictException("duplicate_document", "A document with the same content already exists.")
            {
                Extensions = new Dictionary<string, object?> { ["existing_document_id"] = existing.Id },
            };
        }

        await documents.EnsureRoomAsync(command.BotId, limits.Value.MaxKnowledgeItems, cancellationToken);

        var (document, content) = Document.Upload(command.BotId, filename, fileType, command.Content, command.SourceUrl?.Trim(), clock.GetUtcNow());
        documents.Add(document);
        contents.Add(content);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        ingestion.WorkQueued();
        return DocumentDto.From(document);
    }
}
