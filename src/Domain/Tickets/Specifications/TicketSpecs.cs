using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Tickets.Specifications;

public sealed class OpenTicketsOfBotSpec : Specification<Ticket>
{
    public OpenTicketsOfBotSpec(Guid botId) => Where(t => t.BotId == botId && t.Status != TicketStatus.Resolved);
}

/// <summary>The ticket of a session (there is at most one: escalation is idempotent per session), tracked.</summary>
public sealed class TicketOfSessionSpec : Specification<Ticket>
{
    public TicketOfSessionSpec(Guid botId, Guid sessionId) => Where(t => t.BotId == botId && t.SessionId == sessionId);
}
