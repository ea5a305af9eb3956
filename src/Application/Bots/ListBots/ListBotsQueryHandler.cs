using Chat9.Application.Common.Models;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Documents;
using Chat9.Domain.Documents.Specifications;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Chat9.Domain.Tickets;
using Chat9.Domain.Tickets.Specifications;
using Mediator;

namespace Chat9.Application.Bots.ListBots;

public sealed class ListBotsQueryHandler(
    IReadRepository<Bot> bots,
    IReadRepository<Document> documents,
    IReadRepository<Session> sessions,
    IReadRepository<Ticket> tickets) : IQueryHandler<ListBotsQuery, ItemList<BotSummaryDto>>
{
    public async ValueTask<ItemList<BotSummaryDto>> Handle(ListBotsQuery query, CancellationToken cancellationToken)
    {
        var items = new List<BotSummaryDto>();
        foreach (var bot in await bots.ListAsync(new AllBotsSpec(), cancellationToken))
        {
            items.Add(new BotSummaryDto(
                bot.Id,
                bot.PublicId,
                bot.Name,
                bot.Status,
                bot.CreatedAt,
                await documents.CountAsync(new DocumentsOfBotSpec(bot.Id), cancellationToken),
                await sessions.CountAsync(new SessionsOfBotSpec(bot.Id), cancellationToken),
                await tickets.CountAsync(new OpenTicketsOfBotSpec(bot.Id), cancellationToken)));
        }

        return new ItemList<BotSummaryDto>(items);
    }
}
