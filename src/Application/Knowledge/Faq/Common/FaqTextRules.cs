using Chat9.Application.Common.Options;
using Chat9.Domain.Common;
using FluentValidation;

namespace Chat9.Application.Knowledge.Faq.Common;

/// <summary>The question (1–500) and answer (1–8,000 characters) of a FAQ entry.</summary>
public interface IFaqText
{
    string? Question { get; }

    string? Answer { get; }
}

public sealed class FaqTextValidator : AbstractValidator<IFaqText>
{
    public FaqTextValidator(Microsoft.Extensions.Options.IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(c => c.Question)
            .Must(q => q is not null && q.Trim().Length > 0 && Text.CountChars(q.Trim()) <= limits.FaqQuestionMaxChars)
            .WithMessage($"Must be 1–{limits.FaqQuestionMaxChars} characters.")
            .OverridePropertyName("question");
        RuleFor(c => c.Answer)
            .Must(a => a is not null && a.Trim().Length > 0 && Text.CountChars(a.Trim()) <= limits.FaqAnswerMaxChars)
            .WithMessage($"Must be 1–{limits.FaqAnswerMaxChars} characters.")
            .OverridePropertyName("answer");
    }
}
