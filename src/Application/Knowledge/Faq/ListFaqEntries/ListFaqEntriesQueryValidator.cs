using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Faq.ListFaqEntries;

internal sealed class ListFaqEntriesQueryValidator : AbstractValidator<ListFaqEntriesQuery>
{
    public ListFaqEntriesQueryValidator(IOptions<LimitsOptions> limits) =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator(limits)).OverridePropertyName(string.Empty);
}
