using Chat9.Domain.Common;

namespace Chat9.Domain.Tickets.Events;

public sealed record TicketOpened(Guid TicketId, Guid BotId, Guid SessionId, string TicketNumber) : DomainEvent;

public sealed record TicketUpdated(Guid TicketId, Guid BotId, string TicketNumber, IReadOnlyList<string> ChangedFields) : DomainEvent;
