using Chat9.Application.Common.Options;
using Chat9.Application.Sources.CreateUrlSource;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.UpdateUrlSource;

internal sealed class UpdateUrlSourceCommandValidator : AbstractValidator<UpdateUrlSourceCommand>
{
    public UpdateUrlSourceCommandValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(c => c.RejectedFields).Custom((fields, context) =>
        {
            foreach (var field in fields)
            {
                context.AddFailure(field, "This member cannot be changed.");
            }
        });
        When(c => c.Name.IsSet, () => UrlSourceRules.Name(RuleFor(c => c.Name.Value)).NotNull().OverridePropertyName("name"));
        When(c => c.Schedule.IsSet, () => RuleFor(c => c.Schedule.Value).NotNull().WithMessage("Must be daily, weekly or manual.").OverridePropertyName("schedule"));
        When(c => c.Exclusions.IsSet, () => UrlSourceRules.Exclusions(RuleFor(c => c.Exclusions.Value), limits).NotNull().OverridePropertyName("exclusions"));
        When(c => c.MaxPages.IsSet, () => UrlSourceRules.MaxPages(RuleFor(c => c.MaxPages.Value), limits).NotNull().OverridePropertyName("max_pages"));
        When(c => c.ExcludedPages.IsSet, () => RuleFor(c => c.ExcludedPages.Value)
            .NotNull().Must(p => p is null || p.All(u => Domain.Common.Text.IsHttpUrl(u, out _)))
            .WithMessage("Must be a list of http or https page URLs.").OverridePropertyName("excluded_pages"));
    }
}
