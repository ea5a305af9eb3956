using Chat9.Domain.Common;
using Chat9.Domain.Sessions.Events;
using Chat9.Domain.Tickets;

namespace Chat9.Domain.Sessions;

/// <summary>One conversation between a visitor and a bot. Open until an escalation ends it.</summary>
public sealed class Session : Entity, IAggregateRoot
{
    public const int MaxLocaleChars = 35;

    private readonly List<Message> _messages = [];

    // For EF Core.
    private Session() { }

    private Session(Guid id, Guid botId, SessionChannel channel, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        Channel = channel;
        Mode = SessionMode.Anonymous;
        StartedAt = now;
        LastActivityAt = now;
    }

    public Guid BotId { get; private set; }

    public SessionMode Mode { get; private set; }

    public SessionChannel Channel { get; private set; }

    public SessionUser? User { get; private set; }

    public UserHints? Hints { get; private set; }

    /// <summary>
    /// The browser locale the session was started with (<c>session/init</c>'s <c>locale</c>): the weakest language hint
    /// after the token's and the hints' locales (pipeline.md "Language").
    /// </summary>
    public string? RequestLocale { get; private set; }

    /// <summary>The conversation language once detected and locked (ISO 639-1).</summary>
    public string? Language { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public bool ChatEnded { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? TicketNumber { get; private set; }

    /// <summary>
    /// Set while the chat waits for the visitor's e-mail address before opening a ticket (pipeline.md section 2):
    /// the trigger the ticket will carry. The next visitor message opens the ticket either way.
    /// </summary>
    public TicketTrigger? PendingContactTrigger { get; private set; }

    /// <summary>Whether the conversation already had its one clarifying question (pipeline.md rule 3).</summary>
    public bool HasAskedClarification => _messages.Any(m => m.Outcome == MessageOutcome.Clarification);

    /// <summary>Whether the greeting turn is still possible: nothing has been said in this session yet.</summary>
    public bool IsEmpty => _messages.Count == 0;

    public IReadOnlyCollection<Message> Messages => _messages.AsReadOnly();

    public static Session Start(Guid botId, SessionChannel channel, SessionUser? user, UserHints? hints, DateTimeOffset now, string? requestLocale = null)
    {
        Guard.NotDefault(botId, "bot_id");
        var session = new Session(Guid.CreateVersion7(now), botId, channel, now)
        {
            Hints = hints,
            RequestLocale = Guard.MaxChars(requestLocale, MaxLocaleChars, "locale"),
        };
        if (user is not null)
        {
            session.Identify(user);
        }

        session.Raise(new SessionStarted(session.Id, botId, session.Mode == SessionMode.Identified));
        return session;
    }

    /// <summary>Attaches (or refreshes) the verified identity of the visitor.</summary>
    public void Identify(SessionUser user)
    {
        Guard.NotBlank(user.UserId, "user_id");
        if (User is { } current && !string.Equals(current.UserId, user.UserId, StringComparison.Ordinal))
        {
            // One person must never see another's conversation.
            throw new DomainException("identity_mismatch", "A session cannot change to another user.");
        }

        User = user;
        Mode = SessionMode.Identified;
    }

    /// <summary>
    /// The identified user came back (identity.md "Resume"): the newer token's claims replace the stored ones, newer
    /// hints and locale replace older ones, and the session counts as active now.
    /// </summary>
    public void Resume(SessionUser user, UserHints? hints, string? requestLocale, DateTimeOffset now)
    {
        EnsureOpen();
        Identify(user);
        Hints = hints ?? Hints;
        RequestLocale = Guard.MaxChars(requestLocale, MaxLocaleChars, "locale") ?? RequestLocale;
        LastActivityAt = now;
    }

    public Message PostUserMessage(string content, DateTimeOffset now)
    {
        EnsureOpen();
        var message = Message.FromUser(Id, content, now);
        _messages.Add(message);
        LastActivityAt = now;
        Raise(new UserMessagePosted(Id, BotId, message.Id));
        return message;
    }

    /// <summary>Stores an assistant turn. An interrupted answer is stored even when the chat has ended meanwhile.</summary>
    public Message PostAssistantMessage(AssistantReply reply, DateTimeOffset now)
    {
        if (!reply.Interrupted)
        {
            EnsureOpen();
        }

        var message = Message.FromAssistant(Id, reply, now);
        _messages.Add(message);
        LastActivityAt = now;
        Raise(new AssistantMessagePosted(Id, BotId, message.Id, reply.Outcome.ToString()));
        return message;
    }

    /// <summary>The chat asked for an e-mail address; the next visitor message opens a ticket with <paramref name="trigger"/>.</summary>
    public void AwaitContact(TicketTrigger trigger)
    {
        EnsureOpen();
        PendingContactTrigger = trigger;
    }

    /// <summary>Operator feedback on one of this session's answers (<c>not_assistant_message</c> for a visitor's message).</summary>
    public Message RateMessage(Guid messageId, MessageFeedback feedback, string? idealAnswer, DateTimeOffset now)
    {
        var message = _messages.SingleOrDefault(m => m.Id == messageId)
            ?? throw new DomainException("message_not_found", "This session has no such message.");
        message.Rate(feedback, idealAnswer, now);
        return message;
    }

    public void LockLanguage(string language)
    {
        Language ??= Guard.NotBlank(language, "language").ToLowerInvariant();
    }

    /// <summary>Closes the chat; further visitor messages are refused with <c>session_closed</c>.</summary>
    public void End(string? ticketNumber, DateTimeOffset now)
    {
        if (ChatEnded)
        {
            return;
        }

        ChatEnded = true;
        EndedAt = now;
        PendingContactTrigger = null;
        TicketNumber = ticketNumber;
        LastActivityAt = now;
        Raise(new ChatEnded(Id, BotId, ticketNumber));
    }

    private void EnsureOpen()
    {
        if (ChatEnded)
        {
            throw new DomainException("session_closed", "The chat has ended.");
        }
    }
}
