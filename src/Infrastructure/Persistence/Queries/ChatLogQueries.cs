using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence.Queries;

public sealed class ChatLogQueries(Chat9DbContext db) : IChatLogQueries
{
    public async Task<(IReadOnlyList<SessionSummary> Items, int Total)> ListSessionsAsync(
        Guid botId, SessionFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var sessions = db.Sessions.AsNoTracking().Where(s => s.BotId == botId);
        if (filter.From is { } from)
        {
            sessions = sessions.Where(s => s.LastActivityAt >= from);
        }

        if (filter.To is { } to)
        {
            sessions = sessions.Where(s => s.LastActivityAt <= to);
        }

        if (filter.HasTicket is { } hasTicket)
        {
            sessions = sessions.Where(s => (s.TicketNumber != null) == hasTicket);
        }

        if (filter.Feedback is { } feedback)
        {
            sessions = sessions.Where(s => s.Messages.Any(m => m.Role == MessageRole.Assistant && m.Feedback == feedback));
        }

        if (filter.UserId is { } userId)
        {
            sessions = sessions.Where(s => s.User!.UserId == userId);
        }

        if (filter.Channel is { } channel)
        {
            sessions = sessions.Where(s => s.Channel == channel);
        }

        var total = await sessions.CountAsync(cancellationToken);
        var items = await sessions
            .OrderByDescending(s => s.LastActivityAt)
            .ThenByDescending(s => s.Id)
            .Skip(skip)
            .Take(take)
            .Select(s => new SessionSummary(
                s.Id,
                s.StartedAt,
                s.LastActivityAt,
                s.Messages.Count,
                s.Messages.Where(m => m.Role == MessageRole.User).OrderByDescending(m => m.CreatedAt).Select(m => m.Content).FirstOrDefault(),
                s.User == null ? null : s.User.UserId,
                s.TicketNumber,
                s.Mode,
                s.Channel,
                s.ChatEnded))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<(IReadOnlyList<BadAnswer> Items, int Total)> ListBadAnswersAsync(Guid botId, int skip, int take, CancellationToken cancellationToken)
    {
        var rated = from message in db.Messages.AsNoTracking()
                    join session in db.Sessions.AsNoTracking() on message.SessionId equals session.Id
                    where session.BotId == botId && message.Role == MessageRole.Assistant && message.Feedback == MessageFeedback.Down
                    select message;
        var total = await rated.CountAsync(cancellationToken);
        var items = await rated
            .OrderByDescending(m => m.FeedbackAt)
            .ThenByDescending(m => m.Id)
            .Skip(skip)
            .Take(take)
            .Select(m => new BadAnswer(
                m.Id,
                m.SessionId,
                db.Messages
                    .Where(q => q.SessionId == m.SessionId && q.Role == MessageRole.User && q.CreatedAt <= m.CreatedAt)
                    .OrderByDescending(q => q.CreatedAt)
                    .Select(q => q.Content)
                    .FirstOrDefault(),
                m.Content,
                m.IdealAnswer,
                m.FeedbackAt,
                m.CreatedAt))
            .ToListAsync(cancellationToken);
        return (items, total);
    }
}
