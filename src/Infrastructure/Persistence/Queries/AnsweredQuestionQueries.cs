using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence.Queries;

public sealed class AnsweredQuestionQueries(Chat9DbContext db) : IAnsweredQuestionQueries
{
    public async Task<IReadOnlyList<AnsweredQuestion>> ListRecentAsync(Guid botId, int take, CancellationToken cancellationToken)
    {
        var answers = from message in db.Messages.AsNoTracking()
                      join session in db.Sessions.AsNoTracking() on message.SessionId equals session.Id
                      where session.BotId == botId
                            && message.Role == MessageRole.Assistant
                            && (message.Outcome == MessageOutcome.Answer || message.Feedback == MessageFeedback.Up || message.IdealAnswer != null)
                      select new { Message = message, session.Language };
        return await answers
            .OrderByDescending(a => a.Message.CreatedAt)
            .ThenByDescending(a => a.Message.Id)
            .Take(take)
            .Select(a => new AnsweredQuestion(
                a.Message.Id,
                a.Message.SessionId,
                db.Messages
                    .Where(q => q.SessionId == a.Message.SessionId && q.Role == MessageRole.User && q.CreatedAt <= a.Message.CreatedAt)
                    .OrderByDescending(q => q.CreatedAt)
                    .Select(q => q.Content)
                    .FirstOrDefault(),
                a.Message.Content,
                a.Message.Outcome,
                a.Message.Confidence,
                a.Message.Feedback,
                a.Message.IdealAnswer,
                a.Language,
                a.Message.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
