using Chat9.Application.Sources.Common;
using Chat9.Domain.Sources;
using Mediator;

namespace Chat9.Application.Sources.CreateUrlSource;

/// <summary><c>POST /documents/sources/url</c>: registers a docs site and queues its first crawl.</summary>
public sealed record CreateUrlSourceCommand(Guid BotId, string? Url, string? Name, CrawlSchedule? Schedule, IReadOnlyList<string>? Exclusions, int? MaxPages)
    : ICommand<UrlSourceDto>;
