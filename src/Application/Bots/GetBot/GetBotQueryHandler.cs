using Chat9.Application.Bots.Common;
using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Bots.GetBot;

public sealed class GetBotQueryHandler(
    IReadRepository<Bot> bots,
    IOptions<LimitsOptions> limits,
    IOptions<RateLimitOptions> rateLimits) : IQueryHandler<GetBotQuery, BotDto>
{
    public async ValueTask<BotDto> Handle(GetBotQuery query, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByIdAsync(query.BotId, cancellationToken);
        return BotDto.From(bot, limits.Value, rateLimits.Value);
    }
}
