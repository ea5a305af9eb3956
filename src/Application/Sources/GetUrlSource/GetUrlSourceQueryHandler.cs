using Chat9.Application.Sources.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Sources;
using Mediator;

namespace Chat9.Application.Sources.GetUrlSource;

public sealed class GetUrlSourceQueryHandler(IReadRepository<UrlSource> sources, IReadRepository<Document> documents)
    : IQueryHandler<GetUrlSourceQuery, UrlSourceDetailDto>
{
    public async ValueTask<UrlSourceDetailDto> Handle(GetUrlSourceQuery query, CancellationToken cancellationToken)
    {
        var source = await sources.GetOfBotAsync(query.BotId, query.SourceId, cancellationToken, withRuns: true);
        return UrlSourceDetailDto.Of(source, await documents.PagesAsync(query.BotId, source.Id, cancellationToken));
    }
}
