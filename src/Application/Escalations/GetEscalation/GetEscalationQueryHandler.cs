using Chat9.Application.Escalations.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Tickets;
using Mediator;

namespace Chat9.Application.Escalations.GetEscalation;

public sealed class GetEscalationQueryHandler(IReadRepository<Ticket> tickets) : IQueryHandler<GetEscalationQuery, TicketDetailDto>
{
    public async ValueTask<TicketDetailDto> Handle(GetEscalationQuery query, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetByNumberAsync(query.BotId, query.TicketNumber, readOnly: true, cancellationToken);
        // Webhook and e-mail deliveries are not built yet (issue 6, notifications): no ticket has any.
        return new TicketDetailDto(TicketDto.From(ticket), []);
    }
}
