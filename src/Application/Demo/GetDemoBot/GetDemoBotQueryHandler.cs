using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.Demo.GetDemoBot;

public sealed class GetDemoBotQueryHandler(IReadRepository<Bot> bots) : IQueryHandler<GetDemoBotQuery, string?>
{
    public async ValueTask<string?> Handle(GetDemoBotQuery query, CancellationToken cancellationToken) =>
        (await bots.FirstOrDefaultAsync(new DemoBotSpec(), cancellationToken))?.PublicId;
}
