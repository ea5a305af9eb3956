using Chat9.Application.Common.Options;
using Chat9.Application.Common.Json;
using Chat9.Domain.Common;
using Chat9.Domain.Sessions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.ChatLogs.RateMessage;

internal sealed class RateMessageCommandValidator : AbstractValidator<RateMessageCommand>
{
    public RateMessageCommandValidator(IOptions<LimitsOptions> options)
    {
        var maxChars = options.Value.IdealAnswerMaxChars;
        RuleFor(c => c.Feedback)
            .NotNull().WithMessage("feedback is required: up, down or none.")
            .Must(f => f is null || WireNames.TryParse<MessageFeedback>(f, out _)).WithMessage("Must be up, down or none.")
            .OverridePropertyName("feedback");
        RuleFor(c => c.IdealAnswer)
            .Must(a => a is null || Text.CountChars(a) <= maxChars).WithMessage($"Must be at most {maxChars} characters.")
            .OverridePropertyName("ideal_answer");
    }
}
