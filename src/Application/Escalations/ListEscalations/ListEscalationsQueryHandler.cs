using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Chat9.Application.Escalations.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Tickets;
using Chat9.Domain.Tickets.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Escalations.ListEscalations;

public sealed class ListEscalationsQueryHandler(IReadRepository<Ticket> tickets, IOptions<LimitsOptions> limits)
    : IQueryHandler<ListEscalationsQuery, PagedList<TicketDto>>
{
    public async ValueTask<PagedList<TicketDto>> Handle(ListEscalationsQuery query, CancellationToken cancellationToken)
    {
        var take = query.Page.Take(limits.Value.DefaultPageSize);
        var spec = new TicketListSpec(query.BotId, query.Status, query.Priority, query.Trigger, query.Page.Skip, take);
        var items = await tickets.ListAsync(spec, cancellationToken);
        var total = await tickets.CountAsync(spec, cancellationToken);
        return new PagedList<TicketDto>([.. items.Select(TicketDto.From)], total, query.Page.NextCursor(limits.Value.DefaultPageSize, total));
    }
}
