using Chat9.Application.Escalations.Common;
using Mediator;

namespace Chat9.Application.Escalations.GetEscalation;

/// <summary><c>GET /escalations/{ticket_number}</c>: one ticket with its notifications.</summary>
public sealed record GetEscalationQuery(Guid BotId, string TicketNumber) : IQuery<TicketDetailDto>;
