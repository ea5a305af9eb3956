using System.Globalization;
using System.Text;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Json;
using Chat9.Domain.Common;
using Chat9.Domain.Tickets;

namespace Chat9.Application.Notifications.Common;

/// <summary>
/// The e-mail of a new ticket (management-api.md "E-mail"): subject <c>[Chat9 · HIGH] ESC-0007: &lt;first 80
/// characters of the primary question&gt;</c>, <c>Reply-To</c> the visitor when known, and a plain-text body with the
/// ticket's fields, the note and the transcript excerpt.
/// </summary>
public static class TicketEmails
{
    private const int QuestionChars = 80;

    public static SupportMail Compose(Ticket ticket, string botName, string supportInbox)
    {
        var question = ticket.PrimaryQuestion is { } q ? Text.Truncate(q.ReplaceLineEndings(" ").Trim(), QuestionChars) : "(no question)";
        var subject = $"[Chat9 · {ticket.Priority.ToString().ToUpperInvariant()}] {ticket.TicketNumber}: {question}";
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"A visitor of {botName} asked for a human.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Ticket:   {ticket.TicketNumber}")
            .AppendLine(CultureInfo.InvariantCulture, $"Priority: {WireNames.Of(ticket.Priority)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Trigger:  {WireNames.Of(ticket.Trigger)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Opened:   {ticket.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"Contact:  {Contact(ticket.Contact)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Session:  {ticket.SessionId}");
        if (ticket.UserNote is { } note)
        {
            body.AppendLine().AppendLine("Note from the visitor:").AppendLine(note);
        }

        if (ticket.TranscriptExcerpt.Count > 0)
        {
            body.AppendLine().AppendLine("Conversation (latest messages):");
            foreach (var line in ticket.TranscriptExcerpt)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"[{line.CreatedAt.UtcDateTime:HH:mm}] {(line.Role == "user" ? "Visitor" : "Bot")}: {line.Content}");
            }
        }

        if (ticket.Contact.Email is null)
        {
            body.AppendLine().AppendLine("The visitor left no e-mail address; they can only see replies in a new chat.");
        }

        return new SupportMail(supportInbox, ticket.Contact.Email, subject, body.ToString());
    }

    private static string Contact(TicketContact contact)
    {
        var who = string.Join(" ", new[] { contact.Name, contact.Email is null ? null : $"<{contact.Email}>" }.Where(p => p is not null));
        var verified = contact.Verified ? $" (verified user {contact.UserId}{(contact.PlanTier is null ? string.Empty : ", plan " + contact.PlanTier)})" : " (unverified)";
        return (who.Length == 0 ? "unknown" : who) + verified;
    }
}
