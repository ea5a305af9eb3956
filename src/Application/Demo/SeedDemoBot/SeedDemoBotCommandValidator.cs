using Chat9.Domain.Common;
using FluentValidation;

namespace Chat9.Application.Demo.SeedDemoBot;

internal sealed class SeedDemoBotCommandValidator : AbstractValidator<SeedDemoBotCommand>
{
    public SeedDemoBotCommandValidator() =>
        RuleFor(c => c.BaseUrl)
            .Must(u => Text.IsHttpUrl(u, out _)).WithMessage("Must be an absolute http or https URL.")
            .OverridePropertyName("base_url");
}
