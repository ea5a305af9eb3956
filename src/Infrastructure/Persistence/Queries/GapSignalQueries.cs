using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Documents;
using Chat9.Domain.Faq;
using Chat9.Domain.Sessions;
using Chat9.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence.Queries;

public sealed class GapSignalQueries(Chat9DbContext db) : IGapSignalQueries
{
    public async Task<IReadOnlyList<SignalledQuestion>> SignalledQuestionsAsync(Guid botId, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        // Each answer's question is the visitor's latest message before it: three scalar subqueries, as SQLite has no APPLY.
        var answers = await (
                from answer in AnswersSince(botId, since)
                where answer.Outcome == MessageOutcome.LowConfidence || answer.Outcome == MessageOutcome.NoDocuments
                      || answer.Feedback == MessageFeedback.Down
                orderby answer.CreatedAt descending
                select new
                {
                    answer.Outcome,
                    answer.Feedback,
                    QuestionId = db.Messages.Where(q => q.SessionId == answer.SessionId && q.Role == MessageRole.User && q.CreatedAt <= answer.CreatedAt).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Select(q => (Guid?)q.Id).FirstOrDefault(),
                    Question = db.Messages.Where(q => q.SessionId == answer.SessionId && q.Role == MessageRole.User && q.CreatedAt <= answer.CreatedAt).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Select(q => q.Content).FirstOrDefault(),
                    AskedAt = db.Messages.Where(q => q.SessionId == answer.SessionId && q.Role == MessageRole.User && q.CreatedAt <= answer.CreatedAt).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Select(q => (DateTimeOffset?)q.CreatedAt).FirstOrDefault(),
                })
            .Take(max)
            .ToListAsync(cancellationToken);

        var questions = new Dictionary<Guid, SignalledQuestion>();
        foreach (var answer in answers.Where(a => a.QuestionId is not null && a.Question is not null))
        {
            var kinds = (answer.Outcome == MessageOutcome.LowConfidence ? GapSignalKinds.LowConfidence : GapSignalKinds.None)
                | (answer.Outcome == MessageOutcome.NoDocuments ? GapSignalKinds.NoDocuments : GapSignalKinds.None)
                | (answer.Feedback == MessageFeedback.Down ? GapSignalKinds.ThumbsDown : GapSignalKinds.None);
            Add(questions, new SignalledQuestion(answer.QuestionId!.Value, answer.Question!, answer.AskedAt!.Value, kinds));
        }

        foreach (var question in await TicketQuestionsAsync(botId, since, max, cancellationToken))
        {
            Add(questions, question);
        }

        return [.. questions.Values.OrderByDescending(q => q.AskedAt).Take(max)];
    }

    public async Task<IReadOnlyList<ConfidentAnswer>> AnsweredQuestionsAsync(Guid botId, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        var answers = await (
                from answer in AnswersSince(botId, since)
                where answer.Outcome == MessageOutcome.Answer && answer.Feedback != MessageFeedback.Down
                orderby answer.CreatedAt descending
                select new
                {
                    answer.Confidence,
                    answer.Diagnostics,
                    QuestionId = db.Messages.Where(q => q.SessionId == answer.SessionId && q.Role == MessageRole.User && q.CreatedAt <= answer.CreatedAt).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Select(q => (Guid?)q.Id).FirstOrDefault(),
                    Question = db.Messages.Where(q => q.SessionId == answer.SessionId && q.Role == MessageRole.User && q.CreatedAt <= answer.CreatedAt).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Select(q => q.Content).FirstOrDefault(),
                    AskedAt = db.Messages.Where(q => q.SessionId == answer.SessionId && q.Role == MessageRole.User && q.CreatedAt <= answer.CreatedAt).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Select(q => (DateTimeOffset?)q.CreatedAt).FirstOrDefault(),
                })
            .Take(max)
            .ToListAsync(cancellationToken);

        return [.. answers
            .Where(a => a.QuestionId is not null && a.Question is not null)
            .DistinctBy(a => a.QuestionId)
            .Select(a => new ConfidentAnswer(
                a.QuestionId!.Value,
                a.Question!,
                a.AskedAt!.Value,
                a.Confidence,
                a.Diagnostics?.RetrievalMode,
                a.Diagnostics?.Retrieval.Count(r => r.InContext) ?? 0))];
    }

    public async Task<DateTimeOffset?> KnowledgeChangedAtAsync(Guid botId, CancellationToken cancellationToken)
    {
        // Ordered reads rather than MAX: SQLite stores DateTimeOffset as a sortable integer, which orders but does not aggregate.
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.BotId == botId && d.Status == DocumentStatus.Ready)
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => (DateTimeOffset?)d.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var faq = await db.FaqEntries.AsNoTracking()
            .Where(f => f.BotId == botId && f.Status == FaqStatus.Approved)
            .OrderByDescending(f => f.UpdatedAt)
            .Select(f => (DateTimeOffset?)f.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return document > faq || faq is null ? document : faq;
    }

    /// <summary>
    /// Tickets opened because an answer was rejected, was not confident or found no documents. The question is the one
    /// the last real answer before the ticket replied to (a rejection's own message, "that did not help", is not it);
    /// with no such answer, the ticket's primary question.
    /// </summary>
    private async Task<IReadOnlyList<SignalledQuestion>> TicketQuestionsAsync(Guid botId, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.BotId == botId && t.CreatedAt >= since
                        && (t.Trigger == TicketTrigger.AnswerRejected || t.Trigger == TicketTrigger.LowConfidence || t.Trigger == TicketTrigger.NoDocuments))
            .OrderByDescending(t => t.CreatedAt)
            .Take(max)
            .Select(t => new { t.Id, t.SessionId, t.Trigger, t.PrimaryQuestion, t.CreatedAt })
            .ToListAsync(cancellationToken);
        if (tickets.Count == 0)
        {
            return [];
        }

        var sessionIds = tickets.Select(t => t.SessionId).Distinct().ToList();
        var messages = (await db.Messages.AsNoTracking()
                .Where(m => sessionIds.Contains(m.SessionId))
                .Select(m => new { m.Id, m.SessionId, m.Role, m.Outcome, m.Content, m.CreatedAt })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToLookup(m => m.SessionId);

        var questions = new List<SignalledQuestion>();
        foreach (var ticket in tickets)
        {
            var history = messages[ticket.SessionId].Where(m => m.CreatedAt <= ticket.CreatedAt).ToList();
            var lastAnswer = history.FindLastIndex(m => m.Role == MessageRole.Assistant
                && m.Outcome is MessageOutcome.Answer or MessageOutcome.Faq or MessageOutcome.LowConfidence or MessageOutcome.NoDocuments);
            var question = lastAnswer < 0 ? null : history.Take(lastAnswer).LastOrDefault(m => m.Role == MessageRole.User);
            var kind = ticket.Trigger switch
            {
                TicketTrigger.AnswerRejected => GapSignalKinds.AnswerRejected,
                TicketTrigger.LowConfidence => GapSignalKinds.LowConfidence,
                _ => GapSignalKinds.NoDocuments,
            };
            if (question is not null)
            {
                questions.Add(new SignalledQuestion(question.Id, question.Content, question.CreatedAt, kind));
            }
            else if (!string.IsNullOrWhiteSpace(ticket.PrimaryQuestion))
            {
                questions.Add(new SignalledQuestion(ticket.Id, ticket.PrimaryQuestion, ticket.CreatedAt, kind));
            }
        }

        return questions;
    }

    /// <summary>The bot's assistant messages since <paramref name="since"/>.</summary>
    private IQueryable<Message> AnswersSince(Guid botId, DateTimeOffset since) =>
        from answer in db.Messages.AsNoTracking()
        join session in db.Sessions.AsNoTracking() on answer.SessionId equals session.Id
        where session.BotId == botId && answer.Role == MessageRole.Assistant && answer.CreatedAt >= since
        select answer;

    private static void Add(Dictionary<Guid, SignalledQuestion> questions, SignalledQuestion question) =>
        questions[question.MessageId] = questions.TryGetValue(question.MessageId, out var known)
            ? known with { Signals = known.Signals | question.Signals }
            : question;
}
