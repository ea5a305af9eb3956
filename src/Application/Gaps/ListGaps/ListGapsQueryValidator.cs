using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Gaps.ListGaps;

internal sealed class ListGapsQueryValidator : AbstractValidator<ListGapsQuery>
{
    public ListGapsQueryValidator(IOptions<LimitsOptions> limits) =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator(limits)).OverridePropertyName(string.Empty);
}
