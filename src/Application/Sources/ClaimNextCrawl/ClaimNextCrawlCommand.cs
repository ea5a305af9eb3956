using Mediator;

namespace Chat9.Application.Sources.ClaimNextCrawl;

/// <summary>Takes the next source to crawl (queued, due by schedule, or abandoned) for <see cref="WorkerId"/>; <c>null</c> when none.</summary>
public sealed record ClaimNextCrawlCommand(string WorkerId) : ICommand<ClaimedCrawl?>;

public sealed record ClaimedCrawl(Guid SourceId, Guid RunId);
