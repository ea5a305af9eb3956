using Chat9.Application.Common.Options;
using Chat9.Application.Sources.ClaimNextCrawl;
using Chat9.Application.Sources.RenewCrawlLease;
using Chat9.Application.Sources.RunCrawl;
using Chat9.Infrastructure.BackgroundWork;
using Chat9.Infrastructure.Documents.Ingestion;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.Sources;

/// <summary>
/// Runs URL-source crawls: queued ones (new sources, manual refreshes) and those due by their daily or weekly schedule.
/// The crawler stops itself at <c>Crawler:MaxRunMinutes</c>; the worker's own limit is a safety net above it, after
/// which the source's lease simply expires and the abandoned run is closed as failed by the next claim.
/// </summary>
public sealed class UrlSourceCrawlWorker(
    IServiceScopeFactory scopes,
    CrawlSignal signal,
    IOptions<IngestionOptions> ingestion,
    IOptions<CrawlerOptions> crawler,
    ILogger<UrlSourceCrawlWorker> logger) : LeasedQueueWorker<ClaimedCrawl>(scopes, signal, logger)
{
    protected override int Workers => Math.Min(1, ingestion.Value.Workers);

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(ingestion.Value.PollSeconds, 1));

    protected override TimeSpan Lease => TimeSpan.FromSeconds(ingestion.Value.LeaseSeconds);

    protected override TimeSpan TimeLimit => TimeSpan.FromMinutes(crawler.Value.MaxRunMinutes + 5);

    protected override ICommand<ClaimedCrawl?> Claim(string workerId) => new ClaimNextCrawlCommand(workerId);

    protected override ICommand<bool> Renew(ClaimedCrawl claim, string workerId) => new RenewCrawlLeaseCommand(claim.SourceId, workerId);

    protected override async Task WorkAsync(ISender sender, ClaimedCrawl claim, string workerId, CancellationToken cancellationToken)
    {
        var status = await sender.Send(new RunCrawlCommand(claim.SourceId, claim.RunId, workerId), cancellationToken);
        logger.LogInformation("Crawl {RunId} of source {SourceId} ended: {Status}", claim.RunId, claim.SourceId, status?.ToString() ?? "claim lost");
    }

    protected override Task TimedOutAsync(ISender sender, ClaimedCrawl claim, string workerId, CancellationToken cancellationToken) => Task.CompletedTask;
}
