using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Gaps.DismissGap;

internal sealed class DismissGapCommandValidator : AbstractValidator<DismissGapCommand>
{
    public DismissGapCommandValidator(IOptions<LimitsOptions> limits) =>
        RuleFor(c => c.Reason)
            .Must(reason => reason is null || reason.Trim().Length <= limits.Value.DismissReasonMaxChars)
            .WithMessage($"reason has at most {limits.Value.DismissReasonMaxChars} characters.")
            .OverridePropertyName("reason");
}
