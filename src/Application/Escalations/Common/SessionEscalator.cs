using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Common.Exceptions;
using Chat9.Domain.Bots;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Sessions;
using Chat9.Domain.Sessions.Specifications;
using Chat9.Domain.Tickets;
using Chat9.Domain.Tickets.Specifications;

namespace Chat9.Application.Escalations.Common;

/// <summary>
/// "Talk to a human" for one session (<c>POST /widget/escalate</c>, <c>POST /chat/{session_id}/escalate</c>): opens the
/// session's ticket, stores the confirmation as an assistant message and ends the chat. Idempotent per session: a
/// second call answers with the same ticket and only fills in a note or contact e-mail the ticket lacks.
/// Holds the session's turn lease meanwhile, so a turn that is still streaming finishes before the chat ends.
/// </summary>
public sealed class SessionEscalator(
    IReadRepository<Session> sessions,
    IRepository<Ticket> tickets,
    IUnitOfWork unitOfWork,
    TicketOpener opener,
    SessionTurnGate turnGate,
    TimeProvider clock)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public async Task<EscalationDto> EscalateAsync(Bot bot, Guid sessionId, EscalationRequest request, CancellationToken cancellationToken)
    {
        var session = await sessions.FirstOrDefaultAsync(new SessionOfBotSpec(bot.Id, sessionId), cancellationToken)
            ?? throw new ConflictException("session_not_found", "No session with this id exists for this bot.");
        if (session.TicketNumber is null && !bot.Escalation.Enabled)
        {
            throw new ForbiddenException("escalation_disabled", "Escalation to a human is turned off for this bot.");
        }

        var leaseId = Guid.NewGuid();
        await turnGate.AcquireAsync(bot.Id, session.Id, leaseId, Lease, cancellationToken);
        try
        {
            // Read again under the lease: a turn that just finished may have changed the session.
            session = await sessions.FirstOrDefaultAsync(new SessionOfBotSpec(bot.Id, sessionId), cancellationToken)
                ?? throw new ConflictException("session_not_found", "No session with this id exists for this bot.");
            var language = session.Language ?? ConversationLanguages.HintFor(session, request.LanguageHint) ?? ConversationLanguages.Default;
            if (session.TicketNumber is not null)
            {
                return await RepeatAsync(bot, session, request, language, cancellationToken);
            }

            if (session.ChatEnded)
            {
                throw new ConflictException("session_closed", "The chat has ended. Start a new chat.");
            }

            var opened = await opener.OpenAsync(
                bot.Id,
                session.Id,
                request.Trigger,
                request.Email,
                request.UserNote,
                ticket => new AssistantReply(TicketConfirmation.Text(ticket, language), MessageOutcome.Escalation, null, [], [], 0),
                CancellationToken.None);
            return new EscalationDto(opened.Message.Content, opened.Ticket.TicketNumber, ChatEnded: true);
        }
        finally
        {
            await turnGate.ReleaseQuietlyAsync(session.Id, leaseId);
        }
    }

    private async Task<EscalationDto> RepeatAsync(Bot bot, Session session, EscalationRequest request, string language, CancellationToken cancellationToken)
    {
        var ticket = await tickets.FirstOrDefaultAsync(new TicketOfSessionSpec(bot.Id, session.Id), cancellationToken)
            ?? throw new InvalidOperationException($"Session {session.Id} names ticket {session.TicketNumber}, which does not exist.");
        ticket.FillMissingDetails(request.UserNote, request.Email, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new EscalationDto(TicketConfirmation.Text(ticket, language), ticket.TicketNumber, ChatEnded: true);
    }
}

/// <summary>What the visitor (or the API client) asked for.</summary>
/// <param name="LanguageHint">The request's language hint, used until the conversation has a language.</param>
public sealed record EscalationRequest(TicketTrigger Trigger, string? UserNote, string? Email, string? LanguageHint);

/// <summary>The response of the escalate endpoints.</summary>
public sealed record EscalationDto(string Message, string TicketNumber, bool ChatEnded);
