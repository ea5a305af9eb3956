using Chat9.Domain.Notifications;
using Chat9.Domain.Tickets;

namespace Chat9.Application.Escalations.Common;

/// <summary>A ticket as the management API shows it (management-api.md "Ticket").</summary>
public record TicketDto(
    string TicketNumber,
    Guid SessionId,
    TicketStatus Status,
    TicketPriority Priority,
    TicketTrigger Trigger,
    string? UserNote,
    TicketUserDto User,
    string? PrimaryQuestion,
    IReadOnlyList<TranscriptLineDto> TranscriptExcerpt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolutionText)
{
    public static TicketDto From(Ticket ticket) => new(
        ticket.TicketNumber,
        ticket.SessionId,
        ticket.Status,
        ticket.Priority,
        ticket.Trigger,
        ticket.UserNote,
        TicketUserDto.From(ticket.Contact),
        ticket.PrimaryQuestion,
        [.. ticket.TranscriptExcerpt.Select(l => new TranscriptLineDto(l.Role, l.Content, l.CreatedAt))],
        ticket.CreatedAt,
        ticket.UpdatedAt,
        ticket.ResolvedAt,
        ticket.ResolutionText);
}

/// <param name="Id">The customer's user id: only from a verified identity token.</param>
/// <param name="PlanTier">Only from a verified identity token.</param>
/// <param name="Verified">Whether the contact came from a verified token (else from the escalate body or hints).</param>
public sealed record TicketUserDto(string? Id, string? Email, string? Name, string? PlanTier, bool Verified)
{
    public static TicketUserDto From(TicketContact contact) =>
        new(contact.Verified ? contact.UserId : null, contact.Email, contact.Name, contact.Verified ? contact.PlanTier : null, contact.Verified);
}

/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
public sealed record TranscriptLineDto(string Role, string Content, DateTimeOffset CreatedAt);

/// <summary>The ticket with the notifications sent about it (<c>GET /escalations/{ticket_number}</c>).</summary>
public sealed record TicketDetailDto : TicketDto
{
    public TicketDetailDto(TicketDto ticket, IReadOnlyList<TicketNotificationDto> notifications)
        : base(ticket) => Notifications = notifications;

    public IReadOnlyList<TicketNotificationDto> Notifications { get; }
}

/// <summary>One notification channel's delivery state for the ticket (webhook or e-mail).</summary>
public sealed record TicketNotificationDto(
    NotificationChannel Channel,
    string Event,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    int? LastResponseStatus,
    string? LastError,
    DateTimeOffset? NextAttemptAt);
