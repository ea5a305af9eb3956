using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;

namespace Chat9.Application.Bots.Common;

internal static class BotLookup
{
    public static async Task<Bot> GetByIdAsync(this IReadRepository<Bot> bots, Guid botId, CancellationToken ct) =>
        await bots.FirstOrDefaultAsync(new BotByIdSpec(botId), ct)
        ?? throw new NotFoundException("bot_not_found", "The bot does not exist.");

    public static async Task<Bot> GetByPublicIdAsync(this IReadRepository<Bot> bots, string publicId, CancellationToken ct) =>
        await bots.FirstOrDefaultAsync(new BotByPublicIdSpec(publicId), ct)
        ?? throw new NotFoundException("bot_not_found", $"No bot has the public id '{publicId}'.");
}
