using Chat9.Application.Sources.Common;
using Mediator;

namespace Chat9.Application.Sources.RefreshUrlSource;

/// <summary><c>POST /documents/sources/{id}/refresh</c>: queues a manual crawl (once an hour).</summary>
public sealed record RefreshUrlSourceCommand(Guid BotId, Guid SourceId) : ICommand<RefreshAcceptedDto>;
