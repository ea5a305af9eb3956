using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Application.Sources.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Chat9.Domain.Sources;
using Chat9.Domain.Sources.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.RunCrawl;

/// <summary>
/// Consumes the crawler's findings: new pages become queued <c>web_page</c> documents, changed pages are replaced and
/// re-indexed, pages gone (404/410) are removed, failures are recorded on the run. Each page commits on its own, so a
/// crash loses at most the page in hand; the bot's item limit stops the run from adding pages (<c>partial</c>).
/// </summary>
public sealed class RunCrawlCommandHandler(
    IRepository<UrlSource> sources,
    IRepository<Document> documents,
    IDocumentContentStore contents,
    ISiteCrawler crawler,
    IUrlPatterns patterns,
    IIngestionSignal ingestion,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits) : ICommandHandler<RunCrawlCommand, CrawlRunStatus?>
{
    public async ValueTask<CrawlRunStatus?> Handle(RunCrawlCommand command, CancellationToken cancellationToken)
    {
        var source = await sources.FirstOrDefaultAsync(new UrlSourceByIdSpec(command.SourceId), cancellationToken);
        var run = source?.Runs.FirstOrDefault(r => r.Id == command.RunId);
        if (source is null || run is null || run.Status != CrawlRunStatus.Running || source.LeaseOwner != command.WorkerId)
        {
            return null;
        }

        var pages = (await documents.PagesAsync(source.BotId, source.Id, cancellationToken))
            .Where(p => p.SourceUrl is not null)
            .ToDictionary(p => patterns.Normalize(p.SourceUrl!) ?? p.SourceUrl!, StringComparer.Ordinal);
        var itemCount = await documents.CountAsync(new DocumentsOfBotSpec(source.BotId), cancellationToken);
        var request = new CrawlRequest(
            new Uri(source.Url),
            source.Exclusions,
            source.MaxPages,
            source.ExcludedPages.ToHashSet(StringComparer.Ordinal),
            pages.Where(p => p.Value.PageHash is not null).ToDictionary(p => p.Key, p => p.Value.PageHash!, StringComparer.Ordinal));

        string? stopReason = null;
        await foreach (var found in crawler.CrawlAsync(request, cancellationToken))
        {
            var now = clock.GetUtcNow();
            switch (found)
            {
                case CrawledPage { Unchanged: true }:
                    run.PageUnchanged();
                    break;
                case CrawledPage page when pages.TryGetValue(page.Url, out var existing):
                    var content = await contents.FindAsync(existing.Id, cancellationToken);
                    if (content is null)
                    {
                        run.PageFailed(page.Url, "stored_original_missing");
                        break;
                    }

                    existing.ReplaceCrawledPage(content, page.Title, page.Html, page.ContentHash, now);
                    run.PageIndexed();
                    break;
                case CrawledPage page when itemCount >= limits.Value.MaxKnowledgeItems:
                    run.ReachedItemLimit();
                    stopReason = "limit_reached";
                    break;
                case CrawledPage page:
                    var (document, original) = Document.FromCrawl(source.BotId, source.Id, page.Url, page.Title, page.Html, page.ContentHash, now);
                    documents.Add(document);
                    contents.Add(original);
                    pages[page.Url] = document;
                    itemCount++;
                    run.PageIndexed();
                    break;
                case PageGone gone when pages.Remove(gone.Url, out var removed):
                    removed.MarkRemoved();
                    documents.Remove(removed);
                    itemCount--;
                    run.PageRemoved();
                    break;
                case PageFailed failed:
                    run.PageFailed(failed.Url, failed.Reason);
                    break;
                case CrawlStopped stopped:
                    stopReason = stopped.Reason;
                    break;
            }

            await unitOfWork.SaveChangesAsync(cancellationToken);
            ingestion.WorkQueued();
            if (stopReason == "limit_reached")
            {
                break;
            }
        }

        var status = stopReason switch
        {
            "robots_unavailable" => CrawlRunStatus.Failed,
            "limit_reached" or "time_limit" => CrawlRunStatus.Partial,
            _ when run.PagesFound == 0 && run.PagesFailed > 0 => CrawlRunStatus.Failed,
            _ => CrawlRunStatus.Succeeded,
        };
        var error = status != CrawlRunStatus.Failed ? null
            : stopReason == "robots_unavailable" ? "robots.txt could not be fetched (server error or unreachable); nothing was crawled."
            : run.FailedUrls.FirstOrDefault() is { } first ? $"The site could not be crawled: {first.Reason} at {first.Url}."
            : "The site could not be crawled.";
        source.FinishRun(run, status, pages.Count, error, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return status;
    }
}
