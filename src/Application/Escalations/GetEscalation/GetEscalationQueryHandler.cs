using Chat9.Application.Escalations.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Notifications;
using Chat9.Domain.Notifications.Specifications;
using Chat9.Domain.Tickets;
using Mediator;

namespace Chat9.Application.Escalations.GetEscalation;

public sealed class GetEscalationQueryHandler(IReadRepository<Ticket> tickets, IReadRepository<NotificationDelivery> deliveries)
    : IQueryHandler<GetEscalationQuery, TicketDetailDto>
{
    public async ValueTask<TicketDetailDto> Handle(GetEscalationQuery query, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetByNumberAsync(query.BotId, query.TicketNumber, readOnly: true, cancellationToken);
        var notifications = await deliveries.ListAsync(new DeliveriesOfTicketSpec(query.BotId, ticket.Id), cancellationToken);
        return new TicketDetailDto(TicketDto.From(ticket), [.. notifications.Select(d => new TicketNotificationDto(
            d.Channel,
            d.EventType,
            d.Status,
            d.Attempts,
            d.LastAttemptAt,
            d.LastResponseStatus,
            d.LastError,
            d.NextAttemptAt))]);
    }
}
