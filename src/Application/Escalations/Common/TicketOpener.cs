using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Bots.Specifications;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Chat9.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Escalations.Common;

/// <summary>
/// Opens the ticket of a session and ends its chat, in one save: the ticket takes the bot's next number (a concurrency
/// token on the bot, so two tickets of one bot never share a number), copies the last messages, and picks its contact
/// e-mail in the order of widget-api.md: the identified user's, then the one given now, then the hints'.
/// </summary>
public sealed class TicketOpener(
    IRepository<Bot> bots,
    IRepository<Session> sessions,
    IRepository<Ticket> tickets,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<LimitsOptions> limits)
{
    private const int MaxAttempts = 5;

    /// <summary>Opens the ticket and ends the chat; <paramref name="reply"/> (given the ticket) is stored as the closing assistant message.</summary>
    public async Task<OpenedTicket> OpenAsync(
        Guid botId,
        Guid sessionId,
        TicketTrigger trigger,
        string? email,
        string? userNote,
        Func<Ticket, AssistantReply> reply,
        CancellationToken cancellationToken)
    {
        // Another ticket of this bot may take the number first: the save then conflicts, and the next attempt reads
        // again and takes the next number.
        return await unitOfWork.RetryOnConflictAsync(MaxAttempts, async () =>
        {
            var bot = await bots.FirstOrDefaultAsync(new BotByIdSpec(botId), cancellationToken)
                ?? throw new InvalidOperationException($"Bot {botId} vanished while opening a ticket.");
            var session = await sessions.FirstOrDefaultAsync(new SessionWithMessagesForUpdateSpec(botId, sessionId), cancellationToken)
                ?? throw new InvalidOperationException($"Session {sessionId} vanished while opening a ticket.");

            var now = clock.GetUtcNow();
            var history = session.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
            var ticket = Ticket.Open(
                bot.Id,
                session.Id,
                bot.AllocateTicketNumber(),
                trigger,
                ContactOf(session, email),
                userNote,
                history.LastOrDefault(m => m.Role == MessageRole.User)?.Content,
                history.TakeLast(limits.Value.TicketExcerptMessages)
                    .Select(m => new TranscriptLine(m.Role == MessageRole.User ? "user" : "assistant", m.Content, m.CreatedAt)),
                now);
            tickets.Add(ticket);
            var message = session.PostAssistantMessage(reply(ticket), now);
            session.End(ticket.TicketNumber, now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return new OpenedTicket(ticket, message);
        });
    }

    /// <summary>The contact of widget-api.md: identified e-mail, then the given one, then the hints'.</summary>
    public static TicketContact ContactOf(Session session, string? email)
    {
        var given = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        return session.User is { } user
            ? new TicketContact(user.UserId, user.Email ?? given ?? session.Hints?.Email, user.Name ?? session.Hints?.Name, user.PlanTier, Verified: true)
            : new TicketContact(null, given ?? session.Hints?.Email, session.Hints?.Name, null, Verified: false);
    }
}

public sealed record OpenedTicket(Ticket Ticket, Message Message);
