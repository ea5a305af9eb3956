using Chat9.Application.Common.Models;
using Chat9.Application.Escalations.Common;
using Chat9.Domain.Tickets;
using Mediator;

namespace Chat9.Application.Escalations.ListEscalations;

/// <summary><c>GET /escalations</c>: the bot's tickets, newest first, filtered by status, priority and trigger.</summary>
public sealed record ListEscalationsQuery(Guid BotId, PageRequest Page, TicketStatus? Status, TicketPriority? Priority, TicketTrigger? Trigger)
    : IQuery<PagedList<TicketDto>>;
