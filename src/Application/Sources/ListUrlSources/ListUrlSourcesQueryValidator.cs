using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.ListUrlSources;

internal sealed class ListUrlSourcesQueryValidator : AbstractValidator<ListUrlSourcesQuery>
{
    public ListUrlSourcesQueryValidator(IOptions<LimitsOptions> limits) =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator(limits)).OverridePropertyName(string.Empty);
}
