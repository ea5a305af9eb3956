using Chat9.Domain.Sources;
using Mediator;

namespace Chat9.Application.Sources.RunCrawl;

/// <summary>Runs a claimed crawl to its end and stores what it finds as web-page documents. <c>null</c> if the claim was lost.</summary>
public sealed record RunCrawlCommand(Guid SourceId, Guid RunId, string WorkerId) : ICommand<CrawlRunStatus?>;
