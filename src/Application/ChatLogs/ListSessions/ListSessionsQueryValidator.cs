using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.ChatLogs.ListSessions;

internal sealed class ListSessionsQueryValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsQueryValidator(IOptions<LimitsOptions> limits)
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator(limits)).OverridePropertyName(string.Empty);
        RuleFor(q => q.Filter)
            .Must(f => f.From is null || f.To is null || f.From <= f.To).WithMessage("from must not be after to.")
            .OverridePropertyName("from");
    }
}
