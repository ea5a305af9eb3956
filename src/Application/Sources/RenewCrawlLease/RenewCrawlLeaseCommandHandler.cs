using Chat9.Application.Common.Options;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sources;
using Chat9.Domain.Sources.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.RenewCrawlLease;

public sealed class RenewCrawlLeaseCommandHandler(
    IRepository<UrlSource> sources,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IngestionOptions> options) : ICommandHandler<RenewCrawlLeaseCommand, bool>
{
    public async ValueTask<bool> Handle(RenewCrawlLeaseCommand command, CancellationToken cancellationToken)
    {
        var source = await sources.FirstOrDefaultAsync(new UrlSourceByIdSpec(command.SourceId), cancellationToken);
        if (source is null || source.Status != UrlSourceStatus.Crawling || source.LeaseOwner != command.WorkerId)
        {
            return false;
        }

        source.RenewLease(command.WorkerId, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return true;
    }
}
