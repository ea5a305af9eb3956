using Chat9.Application.Common.Models;
using Chat9.Application.Sources.Common;
using Mediator;

namespace Chat9.Application.Sources.ListUrlSources;

public sealed record ListUrlSourcesQuery(Guid BotId, PageRequest Page) : IQuery<PagedList<UrlSourceDto>>;
