using Chat9.Application.Sources.Common;
using Mediator;

namespace Chat9.Application.Sources.GetUrlSource;

public sealed record GetUrlSourceQuery(Guid BotId, Guid SourceId) : IQuery<UrlSourceDetailDto>;
