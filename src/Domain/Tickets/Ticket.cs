using Chat9.Domain.Common;
using Chat9.Domain.Tickets.Events;

namespace Chat9.Domain.Tickets;

/// <summary>A request for a human, numbered per bot (<c>ESC-0001</c>). Resolved tickets are final.</summary>
public sealed class Ticket : Entity, IAggregateRoot
{
    private List<TranscriptLine> _transcriptExcerpt = [];

    // For EF Core.
    private Ticket() { }

    private Ticket(Guid id, Guid botId, Guid sessionId, int number, DateTimeOffset now)
        : base(id)
    {
        BotId = botId;
        SessionId = sessionId;
        Number = number;
        Status = TicketStatus.Open;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid BotId { get; private set; }

    public Guid SessionId { get; private set; }

    /// <summary>The per-bot sequence number behind <see cref="TicketNumber"/>.</summary>
    public int Number { get; private set; }

    public string TicketNumber => Format(Number);

    public TicketStatus Status { get; private set; }

    public TicketPriority Priority { get; private set; }

    public TicketTrigger Trigger { get; private set; }

    public string? UserNote { get; private set; }

    public TicketContact Contact { get; private set; } = TicketContact.Unknown;

    public string? PrimaryQuestion { get; private set; }

    public IReadOnlyList<TranscriptLine> TranscriptExcerpt => _transcriptExcerpt.AsReadOnly();

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolutionText { get; private set; }

    public static string Format(int number) => $"ESC-{number:D4}";

    public static bool TryParseNumber(string? ticketNumber, out int number)
    {
        number = 0;
        return ticketNumber is { Length: >= 8 } && ticketNumber.StartsWith("ESC-", StringComparison.Ordinal)
            && int.TryParse(ticketNumber.AsSpan(4), System.Globalization.NumberStyles.None, null, out number)
            && number > 0 && Format(number) == ticketNumber;
    }

    public static Ticket Open(
        Guid botId,
        Guid sessionId,
        int number,
        TicketTrigger trigger,
        TicketContact contact,
        string? userNote,
        string? primaryQuestion,
        IEnumerable<TranscriptLine> transcriptExcerpt,
        DateTimeOffset now)
    {
        Guard.NotDefault(botId, "bot_id");
        Guard.NotDefault(sessionId, "session_id");
        if (number < 1)
        {
            throw new DomainValidationException("number", "Ticket numbers start at 1.");
        }

        var ticket = new Ticket(Guid.CreateVersion7(now), botId, sessionId, number, now)
        {
            Trigger = trigger,
            Contact = contact with { Email = Guard.Email(contact.Email, "email") },
            Priority = TicketPriorityRules.For(trigger, contact.Verified ? contact.PlanTier : null),
            UserNote = string.IsNullOrWhiteSpace(userNote) ? null : userNote.Trim(),
            PrimaryQuestion = primaryQuestion,
            _transcriptExcerpt = [.. transcriptExcerpt],
        };
        ticket.Raise(new TicketOpened(ticket.Id, botId, sessionId, ticket.TicketNumber));
        return ticket;
    }

    /// <summary>Moves the ticket along open → in_progress → resolved. Setting the current status again changes nothing.</summary>
    public void ChangeStatus(TicketStatus target, string? resolutionText, DateTimeOffset now)
    {
        if (target == Status)
        {
            return;
        }

        if (Status == TicketStatus.Resolved || target == TicketStatus.Open)
        {
            throw new DomainException("invalid_transition", $"A ticket cannot go from {Status} to {target}.");
        }

        if (target == TicketStatus.Resolved)
        {
            ResolutionText = Guard.NotBlank(resolutionText, "resolution_text");
            ResolvedAt = now;
        }

        Status = target;
        Touch(now, "status");
    }

    /// <summary>A repeated escalation only fills what the ticket lacks: the note and the contact e-mail.</summary>
    public void FillMissingDetails(string? userNote, string? email, DateTimeOffset now)
    {
        var contactEmail = Contact.Email is null && !string.IsNullOrWhiteSpace(email) ? Guard.Email(email.Trim(), "email") : null;
        var changed = new List<string>();
        if (UserNote is null && !string.IsNullOrWhiteSpace(userNote))
        {
            UserNote = userNote.Trim();
            changed.Add("user_note");
        }

        if (contactEmail is not null)
        {
            Contact = Contact with { Email = contactEmail };
            changed.Add("email");
        }

        if (changed.Count > 0)
        {
            UpdatedAt = now;
            Raise(new TicketUpdated(Id, BotId, TicketNumber, changed));
        }
    }

    private void Touch(DateTimeOffset now, string field)
    {
        UpdatedAt = now;
        Raise(new TicketUpdated(Id, BotId, TicketNumber, [field]));
    }
}
