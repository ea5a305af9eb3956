using Mediator;

namespace Chat9.Application.Sources.RenewCrawlLease;

/// <summary>The crawl worker's heartbeat; <c>false</c> means another worker took the source over.</summary>
public sealed record RenewCrawlLeaseCommand(Guid SourceId, string WorkerId) : ICommand<bool>;
