using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Chat9.Domain.Sources;
using Chat9.Domain.Sources.Specifications;

namespace Chat9.Application.Sources.Common;

internal static class UrlSourceLookup
{
    public static async Task<UrlSource> GetOfBotAsync(this IReadRepository<UrlSource> sources, Guid botId, Guid sourceId, CancellationToken ct, bool withRuns = false) =>
        await sources.FirstOrDefaultAsync(new UrlSourceOfBotSpec(botId, sourceId, withRuns), ct)
        ?? throw new NotFoundException("not_found", "No URL source with this id exists.");

    public static Task<List<Document>> PagesAsync(this IReadRepository<Document> documents, Guid botId, Guid sourceId, CancellationToken ct) =>
        documents.ListAsync(new PagesOfSourceSpec(botId, sourceId), ct);
}
