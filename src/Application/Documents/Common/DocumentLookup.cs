using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;

namespace Chat9.Application.Documents.Common;

internal static class DocumentLookup
{
    /// <summary>The bot's document; another bot's id answers exactly like an unknown one.</summary>
    public static async Task<Document> GetOfBotAsync(this IReadRepository<Document> documents, Guid botId, Guid documentId, CancellationToken ct, bool withChunks = false) =>
        await documents.FirstOrDefaultAsync(new DocumentOfBotSpec(botId, documentId, withChunks), ct)
        ?? throw new NotFoundException("not_found", "No document with this id exists.");

    public static void EnsureReady(Document document)
    {
        if (document.Status != DocumentStatus.Ready)
        {
            throw new ConflictException("document_not_ready", $"The document is {document.Status.ToString().ToLowerInvariant()}; its health is known once it is ready.");
        }
    }
}
