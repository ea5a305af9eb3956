using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.Demo.GetDemoBot;

public sealed class GetDemoBotQueryHandler(IReadRepository<Bot> bots) : IQueryHandler<GetDemoBotQuery, DemoBotDto?>
{
    public async ValueTask<DemoBotDto?> Handle(GetDemoBotQuery query, CancellationToken cancellationToken) =>
        await bots.FirstOrDefaultAsync(new DemoBotSpec(), cancellationToken) is { } bot
            ? new DemoBotDto(bot.PublicId, bot.Name, bot.IsActive)
            : null;
}
