using Chat9.Domain.Documents;
using Chat9.Domain.Sessions;
using Chat9.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Faults;

/// <summary>One session as stored, with its turn lease and its messages (oldest first).</summary>
public sealed record StoredSession(Guid Id, Guid? TurnLeaseId, DateTimeOffset? TurnLeaseExpiresAt, IReadOnlyList<Message> Messages)
{
    public IEnumerable<Message> UserMessages => Messages.Where(m => m.Role == MessageRole.User);

    public IEnumerable<Message> AssistantMessages => Messages.Where(m => m.Role == MessageRole.Assistant);
}

/// <summary>One document as stored: its status, error code, lease, and how many of its chunks exist and have vectors.</summary>
public sealed record StoredDocument(
    Guid Id, DocumentStatus Status, string? ErrorCode, DateTimeOffset? LeaseExpiresAt, int ChunkCount, int StoredChunks, int EmbeddedChunks, bool HasContent);

/// <summary>
/// What a bot has in the database, read straight from the tables (never through the API), plus the rows of any bot
/// that point at nothing: the "consistent stored state" every fault case ends with.
/// </summary>
public sealed record StoredState(
    IReadOnlyList<StoredSession> Sessions, IReadOnlyList<StoredDocument> Documents, int OrphanMessages, int OrphanChunks, int OrphanContents)
{
    public static async Task<StoredState> ReadAsync(IServiceProvider services, Guid botId)
    {
        await using var scope = services.CreateAsyncScope();
        return await ReadAsync(scope.ServiceProvider.GetRequiredService<Chat9DbContext>(), botId);
    }

    public static async Task<StoredState> ReadAsync(Chat9DbContext db, Guid botId)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.BotId == botId)
            .Select(s => new { s.Id, s.StartedAt, LeaseId = EF.Property<Guid?>(s, "TurnLeaseId"), LeaseExpiresAt = EF.Property<DateTimeOffset?>(s, "TurnLeaseExpiresAt") })
            .ToListAsync();
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var messages = await db.Messages.AsNoTracking().Where(m => sessionIds.Contains(m.SessionId)).ToListAsync();
        var documents = await db.Documents.AsNoTracking().Where(d => d.BotId == botId).ToListAsync();
        var documentIds = documents.Select(d => d.Id).ToList();
        var chunks = await db.DocumentChunks.AsNoTracking().Where(c => documentIds.Contains(c.DocumentId))
            .Select(c => new { c.DocumentId, Embedded = c.Embedding != null }).ToListAsync();
        var contents = await db.DocumentContents.AsNoTracking().Where(c => documentIds.Contains(c.DocumentId)).Select(c => c.DocumentId).ToListAsync();

        return new StoredState(
            [.. sessions.OrderBy(s => s.StartedAt).ThenBy(s => s.Id).Select(s => new StoredSession(
                s.Id, s.LeaseId, s.LeaseExpiresAt,
                [.. messages.Where(m => m.SessionId == s.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)]))],
            [.. documents.OrderBy(d => d.CreatedAt).Select(d => new StoredDocument(
                d.Id, d.Status, d.ErrorCode, d.LeaseExpiresAt, d.ChunkCount,
                chunks.Count(c => c.DocumentId == d.Id), chunks.Count(c => c.DocumentId == d.Id && c.Embedded), contents.Contains(d.Id)))],
            await db.Messages.CountAsync(m => !db.Sessions.Any(s => s.Id == m.SessionId)),
            await db.DocumentChunks.CountAsync(c => !db.Documents.Any(d => d.Id == c.DocumentId)),
            await db.DocumentContents.CountAsync(c => !db.Documents.Any(d => d.Id == c.DocumentId)));
    }

    public StoredSession Session(Guid id) => Sessions.Single(s => s.Id == id);

    public StoredDocument Document(Guid id) => Documents.Single(d => d.Id == id);

    /// <summary>
    /// No row points at nothing; every document keeps its original; a ready document has all its chunks, an errored one
    /// has an error code; no answer is stored twice in a row, and every assistant message follows a user message
    /// (greetings aside).
    /// </summary>
    public StoredState AssertConsistent()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(OrphanMessages, Is.Zero, "messages without a session");
            Assert.That(OrphanChunks, Is.Zero, "chunks without a document");
            Assert.That(OrphanContents, Is.Zero, "originals without a document");
            foreach (var document in Documents)
            {
                Assert.That(document.HasContent, Is.True, $"document {document.Id} lost its original");
                if (document.Status == DocumentStatus.Ready)
                {
                    Assert.That(document.StoredChunks, Is.EqualTo(document.ChunkCount).And.GreaterThan(0), $"ready document {document.Id}");
                }

                if (document.Status == DocumentStatus.Error)
                {
                    Assert.That(document.ErrorCode, Is.Not.Null.And.Not.Empty, $"errored document {document.Id} has a code");
                }
            }

            foreach (var session in Sessions)
            {
                var roles = session.Messages.Select(m => m.Role).ToList();
                for (var i = 1; i < roles.Count; i++)
                {
                    Assert.That(roles[i] == MessageRole.Assistant && roles[i - 1] == MessageRole.Assistant, Is.False,
                        $"session {session.Id}: two assistant messages in a row ({string.Join(", ", roles)})");
                }
            }
        }

        return this;
    }
}
