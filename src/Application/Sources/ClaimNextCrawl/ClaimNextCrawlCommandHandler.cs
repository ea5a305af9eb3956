using Chat9.Application.Common.Options;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sources;
using Chat9.Domain.Sources.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.ClaimNextCrawl;

public sealed class ClaimNextCrawlCommandHandler(
    IRepository<UrlSource> sources,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IngestionOptions> options) : ICommandHandler<ClaimNextCrawlCommand, ClaimedCrawl?>
{
    public async ValueTask<ClaimedCrawl?> Handle(ClaimNextCrawlCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var source = await sources.FirstOrDefaultAsync(new ClaimableUrlSourcesSpec(now), cancellationToken);
        if (source is null)
        {
            return null;
        }

        var run = source.StartRun(command.WorkerId, now, TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        try
        {
            // ClaimCount is a concurrency token: of two instances claiming the same source, one save fails.
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        return new ClaimedCrawl(source.Id, run.Id);
    }
}
