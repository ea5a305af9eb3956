using Chat9.Domain.Common;

namespace Chat9.Domain.Sessions.Events;

public sealed record SessionStarted(Guid SessionId, Guid BotId, bool Identified) : DomainEvent;

public sealed record UserMessagePosted(Guid SessionId, Guid BotId, Guid MessageId) : DomainEvent;

public sealed record AssistantMessagePosted(Guid SessionId, Guid BotId, Guid MessageId, string Outcome) : DomainEvent;

public sealed record ChatEnded(Guid SessionId, Guid BotId, string? TicketNumber) : DomainEvent;
