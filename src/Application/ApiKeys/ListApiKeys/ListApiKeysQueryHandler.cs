using Chat9.Application.Bots.Common;
using Chat9.Application.Common.Models;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.ApiKeys.Specifications;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Mediator;

namespace Chat9.Application.ApiKeys.ListApiKeys;

public sealed class ListApiKeysQueryHandler(IReadRepository<Bot> bots, IReadRepository<ApiKey> apiKeys, TimeProvider clock)
    : IQueryHandler<ListApiKeysQuery, ItemList<ApiKeyDto>>
{
    public async ValueTask<ItemList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var bot = await bots.GetByPublicIdAsync(query.BotPublicId, cancellationToken);
        var now = clock.GetUtcNow();
        var keys = await apiKeys.ListAsync(new ApiKeysOfBotSpec(bot.Id), cancellationToken);
        return new ItemList<ApiKeyDto>([.. keys.Select(k => ApiKeyDto.From(k, now))]);
    }
}
