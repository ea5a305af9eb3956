using Chat9.Application.Escalations.Common;
using Mediator;

namespace Chat9.Application.Widget.EscalateWidgetSession;

/// <summary><c>POST /widget/escalate</c>: the visitor asks for a human; opens (or repeats) the session's ticket and ends the chat.</summary>
/// <param name="SessionId">The <c>session_id</c> as sent; checked after the bot (widget-api.md "Order of checks").</param>
/// <param name="Origin">The request's <c>Origin</c> header; null when absent.</param>
public sealed record EscalateWidgetSessionCommand(
    string PublicBotId,
    string? SessionId,
    string? Origin,
    string? Trigger,
    string? UserNote,
    string? Email,
    string? LanguageHint) : ICommand<EscalationDto>, IEscalationFields;
