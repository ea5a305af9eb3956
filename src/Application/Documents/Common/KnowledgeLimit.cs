using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;

namespace Chat9.Application.Documents.Common;

/// <summary>The bot's item limit (uploads and crawled pages together, any status).</summary>
internal static class KnowledgeLimit
{
    /// <summary>Throws <c>409 knowledge_limit_reached</c> (with <c>limit</c>) when the bot holds <paramref name="limit"/> items.</summary>
    public static async Task EnsureRoomAsync(this IReadRepository<Document> documents, Guid botId, int limit, CancellationToken ct)
    {
        if (await documents.CountAsync(new DocumentsOfBotSpec(botId), ct) >= limit)
        {
            throw new ConflictException("knowledge_limit_reached", $"The bot already holds {limit} documents and pages; delete some first.")
            {
                Extensions = new Dictionary<string, object?> { ["limit"] = limit },
            };
        }
    }
}
