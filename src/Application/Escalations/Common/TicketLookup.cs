using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Tickets;
using Chat9.Domain.Tickets.Specifications;

namespace Chat9.Application.Escalations.Common;

internal static class TicketLookup
{
    /// <summary>The bot's ticket <c>ESC-0007</c>; an unknown or malformed number (or another bot's) is <c>404 not_found</c>.</summary>
    public static async Task<Ticket> GetByNumberAsync(this IReadRepository<Ticket> tickets, Guid botId, string ticketNumber, bool readOnly, CancellationToken ct) =>
        Ticket.TryParseNumber(ticketNumber, out var number)
        && await tickets.FirstOrDefaultAsync(new TicketByNumberSpec(botId, number, readOnly), ct) is { } ticket
            ? ticket
            : throw new NotFoundException("not_found", "No ticket with this number.");
}
