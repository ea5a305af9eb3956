using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Bots.CreateBot;

internal sealed class CreateBotCommandValidator : AbstractValidator<CreateBotCommand>
{
    public CreateBotCommandValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(c => c.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Must not be empty.")
            .Must(n => n is null || Text.CountChars(n) <= limits.BotNameMaxChars).WithMessage($"Must be at most {limits.BotNameMaxChars} characters.")
            .OverridePropertyName("name");
        RuleFor(c => c.AllowedDomains)
            .Must(d => d.Count <= limits.AllowedDomainsMax).WithMessage($"At most {limits.AllowedDomainsMax} entries.")
            .OverridePropertyName("allowed_domains");
        RuleForEach(c => c.AllowedDomains)
            .Must(d => d.Length <= Bot.AllowedDomainMaxChars && Text.IsAllowedDomainPattern(d.Trim().ToLowerInvariant()))
            .WithMessage((_, d) => $"'{d}' is not a host name or a *. wildcard (no scheme, no port).")
            .OverridePropertyName("allowed_domains");
    }
}
