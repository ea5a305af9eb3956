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

/// <summary><c>GET /escalations</c>: a bot's tickets, newest first, filtered and paged.</summary>
public sealed class TicketListSpec : Specification<Ticket>
{
    public TicketListSpec(Guid botId, TicketStatus? status, TicketPriority? priority, TicketTrigger? trigger, int skip, int take)
    {
        Where(t => t.BotId == botId);
        if (status is { } s)
        {
            Where(t => t.Status == s);
        }

        if (priority is { } p)
        {
            Where(t => t.Priority == p);
        }

        if (trigger is { } g)
        {
            Where(t => t.Trigger == g);
        }

        OrderByDescending(t => t.CreatedAt);
        OrderByDescending(t => t.Number);
        Page(skip, take);
        NoTracking();
    }
}

/// <summary>A bot's ticket by its per-bot number (<c>ESC-0007</c> → 7), tracked unless <paramref name="readOnly"/>.</summary>
public sealed class TicketByNumberSpec : Specification<Ticket>
{
    public TicketByNumberSpec(Guid botId, int number, bool readOnly)
    {
        Where(t => t.BotId == botId && t.Number == number);
        if (readOnly)
        {
            NoTracking();
        }
    }
}

public sealed class TicketByIdSpec : Specification<Ticket>
{
    public TicketByIdSpec(Guid botId, Guid ticketId)
    {
        Where(t => t.BotId == botId && t.Id == ticketId);
        NoTracking();
    }
}
