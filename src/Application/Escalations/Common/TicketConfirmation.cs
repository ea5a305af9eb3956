using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Domain.Tickets;

namespace Chat9.Application.Escalations.Common;

/// <summary>What the visitor is told when a ticket opens, in the conversation's language (widget-api.md "POST /widget/escalate").</summary>
public static class TicketConfirmation
{
    public static string Text(Ticket ticket, string language)
    {
        var values = new Dictionary<string, string> { ["ticket_number"] = ticket.TicketNumber };
        if (ticket.Contact.Email is { } email)
        {
            values["email"] = email;
            return CannedTexts.Get(CannedText.TicketOpenedWithEmail, language, values);
        }

        return CannedTexts.Get(CannedText.TicketOpenedWithoutEmail, language, values);
    }
}
