using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.ChatLogs.ListBadAnswers;

internal sealed class ListBadAnswersQueryValidator : AbstractValidator<ListBadAnswersQuery>
{
    public ListBadAnswersQueryValidator(IOptions<LimitsOptions> limits) =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator(limits)).OverridePropertyName(string.Empty);
}
