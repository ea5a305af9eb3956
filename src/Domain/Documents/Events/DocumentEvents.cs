using Chat9.Domain.Common;

namespace Chat9.Domain.Documents.Events;

public sealed record DocumentQueued(Guid DocumentId, Guid BotId) : DomainEvent;

public sealed record DocumentReady(Guid DocumentId, Guid BotId, int ChunkCount) : DomainEvent;

public sealed record DocumentFailed(Guid DocumentId, Guid BotId, string ErrorCode) : DomainEvent;

public sealed record DocumentRemoved(Guid DocumentId, Guid BotId) : DomainEvent;
