using Chat9.Application.Escalations.Common;
using Mediator;

namespace Chat9.Application.Escalations.EscalateSession;

/// <summary><c>POST /chat/{session_id}/escalate</c>: the management API's "talk to a human" for one of its bot's sessions.</summary>
public sealed record EscalateSessionCommand(
    Guid BotId,
    Guid SessionId,
    string? Trigger,
    string? UserNote,
    string? Email,
    string? LanguageHint) : ICommand<EscalationDto>, IEscalationFields;
