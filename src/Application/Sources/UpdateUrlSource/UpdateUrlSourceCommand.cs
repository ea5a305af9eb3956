using Chat9.Application.Common.Models;
using Chat9.Application.Sources.Common;
using Chat9.Domain.Sources;
using Mediator;

namespace Chat9.Application.Sources.UpdateUrlSource;

/// <summary><c>PATCH /documents/sources/{id}</c>. Pages that new exclusions or excluded pages match are removed at once.</summary>
public sealed record UpdateUrlSourceCommand(
    Guid BotId,
    Guid SourceId,
    Optional<string?> Name,
    Optional<CrawlSchedule?> Schedule,
    Optional<IReadOnlyList<string>?> Exclusions,
    Optional<int?> MaxPages,
    Optional<IReadOnlyList<string>?> ExcludedPages,
    IReadOnlyList<string> RejectedFields) : ICommand<UrlSourceDto>;
