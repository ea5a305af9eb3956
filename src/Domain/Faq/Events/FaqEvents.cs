using Chat9.Domain.Common;

namespace Chat9.Domain.Faq.Events;

public sealed record FaqEntryApproved(Guid FaqEntryId, Guid BotId) : DomainEvent;

public sealed record FaqEntryRejected(Guid FaqEntryId, Guid BotId) : DomainEvent;
