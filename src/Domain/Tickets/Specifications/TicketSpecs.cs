using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Tickets.Specifications;

public sealed class OpenTicketsOfBotSpec : Specification<Ticket>
{
    public OpenTicketsOfBotSpec(Guid botId) => Where(t => t.BotId == botId && t.Status != TicketStatus.Resolved);
}
