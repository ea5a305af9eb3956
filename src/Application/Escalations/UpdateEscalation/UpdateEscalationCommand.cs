using Chat9.Application.Escalations.Common;
using Mediator;

namespace Chat9.Application.Escalations.UpdateEscalation;

/// <summary>
/// <c>PATCH /escalations/{ticket_number}</c>: moves the ticket along open → in_progress → resolved. Resolving needs a
/// resolution text; a resolved ticket is final (<c>409 invalid_transition</c>); the current status again is a no-op.
/// </summary>
/// <param name="Status"><c>open</c>, <c>in_progress</c> or <c>resolved</c> as sent.</param>
/// <param name="RejectedFields">Unknown or read-only members the client sent: each is a validation error, never ignored.</param>
public sealed record UpdateEscalationCommand(Guid BotId, string TicketNumber, string? Status, string? ResolutionText, IReadOnlyList<string> RejectedFields)
    : ICommand<TicketDto>;
