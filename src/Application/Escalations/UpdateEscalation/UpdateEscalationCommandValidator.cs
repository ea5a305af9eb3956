using Chat9.Application.Common.Options;
using Chat9.Application.Common.Json;
using Chat9.Domain.Common;
using Chat9.Domain.Tickets;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Escalations.UpdateEscalation;

internal sealed class UpdateEscalationCommandValidator : AbstractValidator<UpdateEscalationCommand>
{
    public UpdateEscalationCommandValidator(IOptions<LimitsOptions> options)
    {
        var maxChars = options.Value.ResolutionTextMaxChars;
        RuleFor(c => c.RejectedFields).Custom((fields, context) =>
        {
            foreach (var field in fields)
            {
                context.AddFailure(field, "This member cannot be changed.");
            }
        });
        RuleFor(c => c.Status)
            .NotNull().WithMessage("status is required: in_progress or resolved.")
            .Must(s => s is null || WireNames.TryParse<TicketStatus>(s, out _)).WithMessage("Must be open, in_progress or resolved.")
            .OverridePropertyName("status");
        When(c => c.Status == "resolved", () =>
            RuleFor(c => c.ResolutionText)
                .Must(t => t is not null && t.Trim().Length > 0 && Text.CountChars(t.Trim()) <= maxChars)
                .WithMessage($"Resolving needs a resolution_text of 1–{maxChars} characters.")
                .OverridePropertyName("resolution_text"));
        When(c => c.Status is not null && c.Status != "resolved", () =>
            RuleFor(c => c.ResolutionText)
                .Null().WithMessage("resolution_text goes with status resolved only.")
                .OverridePropertyName("resolution_text"));
    }
}
