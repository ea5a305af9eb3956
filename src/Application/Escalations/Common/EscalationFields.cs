using Chat9.Application.Common.Options;
using Chat9.Domain.Common;
using Chat9.Domain.Tickets;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Escalations.Common;

/// <summary>The body members both escalate endpoints accept (widget-api.md "POST /widget/escalate").</summary>
public interface IEscalationFields
{
    /// <summary><c>user_request</c> (default) or <c>answer_rejected</c>.</summary>
    string? Trigger { get; }

    string? UserNote { get; }

    string? Email { get; }
}

/// <summary>The rules of <see cref="IEscalationFields"/>: a known trigger, a note within its limit, a valid e-mail.</summary>
public sealed class EscalationFieldsValidator : AbstractValidator<IEscalationFields>
{
    public EscalationFieldsValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(c => c.Trigger)
            .Must(t => t is null || EscalationTriggers.TryParse(t, out _)).WithMessage("Must be user_request or answer_rejected.")
            .OverridePropertyName("trigger");
        RuleFor(c => c.UserNote)
            .Must(n => n is null || Text.CountChars(n) <= limits.UserNoteMaxChars).WithMessage($"Must be at most {limits.UserNoteMaxChars} characters.")
            .OverridePropertyName("user_note");
        RuleFor(c => c.Email)
            .Must(e => e is null || (e.Trim().Length <= limits.EmailMaxChars && Text.IsEmail(e.Trim()))).WithMessage("Must be a valid e-mail address.")
            .OverridePropertyName("email");
    }
}

/// <summary>The triggers a visitor can choose; the others (low confidence, no documents) come from the chat itself.</summary>
public static class EscalationTriggers
{
    public static bool TryParse(string? value, out TicketTrigger trigger)
    {
        switch (value)
        {
            case null or "user_request":
                trigger = TicketTrigger.UserRequest;
                return true;
            case "answer_rejected":
                trigger = TicketTrigger.AnswerRejected;
                return true;
            default:
                trigger = default;
                return false;
        }
    }

    public static TicketTrigger Parse(string? value) =>
        TryParse(value, out var trigger) ? trigger : throw new ArgumentException($"Unknown trigger '{value}'.", nameof(value));
}
