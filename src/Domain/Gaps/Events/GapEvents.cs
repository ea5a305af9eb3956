using Chat9.Domain.Common;

namespace Chat9.Domain.Gaps.Events;

public sealed record GapDetected(Guid GapId, Guid BotId, string Title) : DomainEvent;

public sealed record GapResolved(Guid GapId, Guid BotId) : DomainEvent;

public sealed record GapDismissed(Guid GapId, Guid BotId) : DomainEvent;

public sealed record GapReactivated(Guid GapId, Guid BotId) : DomainEvent;
