using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Sources.CreateUrlSource;

internal sealed class CreateUrlSourceCommandValidator : AbstractValidator<CreateUrlSourceCommand>
{
    public CreateUrlSourceCommandValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(c => c.Url).NotEmpty().WithMessage("The URL of the documentation site is required.").OverridePropertyName("url");
        UrlSourceRules.Name(RuleFor(c => c.Name)).OverridePropertyName("name");
        UrlSourceRules.Exclusions(RuleFor(c => c.Exclusions), limits).OverridePropertyName("exclusions");
        UrlSourceRules.MaxPages(RuleFor(c => c.MaxPages), limits).OverridePropertyName("max_pages");
    }
}
