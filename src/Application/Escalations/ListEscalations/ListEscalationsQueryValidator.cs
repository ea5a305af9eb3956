using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Escalations.ListEscalations;

internal sealed class ListEscalationsQueryValidator : AbstractValidator<ListEscalationsQuery>
{
    public ListEscalationsQueryValidator(IOptions<LimitsOptions> limits) =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator(limits)).OverridePropertyName(string.Empty);
}
