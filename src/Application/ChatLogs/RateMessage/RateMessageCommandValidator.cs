using Chat9.Application.Common.Options;
using Chat9.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.ChatLogs.RateMessage;

internal sealed class RateMessageCommandValidator : AbstractValidator<RateMessageCommand>
{
    public static readonly IReadOnlyDictionary<string, Domain.Sessions.MessageFeedback> Values = new Dictionary<string, Domain.Sessions.MessageFeedback>(StringComparer.Ordinal)
    {
        ["up"] = Domain.Sessions.MessageFeedback.Up,
        ["down"] = Domain.Sessions.MessageFeedback.Down,
        ["none"] = Domain.Sessions.MessageFeedback.None,
    };

    public RateMessageCommandValidator(IOptions<LimitsOptions> options)
    {
        var maxChars = options.Value.IdealAnswerMaxChars;
        RuleFor(c => c.Feedback)
            .NotNull().WithMessage("feedback is required: up, down or none.")
            .Must(f => f is null || Values.ContainsKey(f)).WithMessage("Must be up, down or none.")
            .OverridePropertyName("feedback");
        RuleFor(c => c.IdealAnswer)
            .Must(a => a is null || Text.CountChars(a) <= maxChars).WithMessage($"Must be at most {maxChars} characters.")
            .OverridePropertyName("ideal_answer");
    }
}
