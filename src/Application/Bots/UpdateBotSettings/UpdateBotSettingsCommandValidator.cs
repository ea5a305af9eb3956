using Chat9.Application.Common.Options;
using Chat9.Domain.Bots;
using Chat9.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Bots.UpdateBotSettings;

internal sealed class UpdateBotSettingsCommandValidator : AbstractValidator<UpdateBotSettingsCommand>
{
    /// <summary>Members of the bot that the API shows but never lets a client change.</summary>
    public static readonly IReadOnlySet<string> ReadOnlyFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "public_id", "status", "identity", "limits", "created_at", "updated_at",
    };

    public UpdateBotSettingsCommandValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;

        RuleFor(c => c.RejectedFields).Custom((fields, context) =>
        {
            foreach (var field in fields)
            {
                context.AddFailure(field, ReadOnlyFields.Contains(field.Split('.')[0])
                    ? "This member is read-only."
                    : "Unknown member; it cannot be changed.");
            }
        });

        When(c => c.Patch.Name.IsSet, () =>
            RuleFor(c => c.Patch.Name.Value)
                .Must(v => v is not null && v.Trim().Length > 0).WithMessage("Must be a non-empty string.")
                .Must(v => v is null || Text.CountChars(v) <= limits.BotNameMaxChars).WithMessage($"Must be at most {limits.BotNameMaxChars} characters.")
                .OverridePropertyName("name"));

        When(c => c.Patch.Greeting.IsSet, () =>
            RuleFor(c => c.Patch.Greeting.Value)
                .Must(v => v is null || Text.CountChars(v) <= limits.GreetingMaxChars).WithMessage($"Must be at most {limits.GreetingMaxChars} characters.")
                .OverridePropertyName("greeting"));

        When(c => c.Patch.Instructions.IsSet, () =>
            RuleFor(c => c.Patch.Instructions.Value)
                .Must(v => v is null || Text.CountChars(v) <= limits.InstructionsMaxChars).WithMessage($"Must be at most {limits.InstructionsMaxChars} characters.")
                .OverridePropertyName("instructions"));

        When(c => c.Patch.AccentColor.IsSet, () =>
            RuleFor(c => c.Patch.AccentColor.Value)
                .Must(v => v is not null && Text.IsHexColor(v)).WithMessage("Must be a color of the form #rrggbb.")
                .OverridePropertyName("accent_color"));

        When(c => c.Patch.LinkSafetyEnabled.IsSet, () =>
            RuleFor(c => c.Patch.LinkSafetyEnabled.Value)
                .NotNull().WithMessage("Must be true or false.")
                .OverridePropertyName("link_safety_enabled"));

        When(c => c.Patch.AllowedDomains.IsSet, () =>
            RuleFor(c => c.Patch.AllowedDomains.Value)
                .NotNull().WithMessage("Must be a list of host names (use [] to allow any origin).")
                .Must(v => v is null || v.Count <= limits.AllowedDomainsMax).WithMessage($"At most {limits.AllowedDomainsMax} entries.")
                .Must(v => v is null || v.All(IsAllowedDomain)).WithMessage("Each entry must be a host name or a *. wildcard, without scheme or port.")
                .OverridePropertyName("allowed_domains"));

        When(c => c.Patch.Escalation.IsSet, () =>
        {
            RuleFor(c => c.Patch.Escalation.Value)
                .NotNull().WithMessage("Must be an object.")
                .OverridePropertyName("escalation");
            When(c => c.Patch.Escalation.Value is { Enabled.IsSet: true }, () =>
                RuleFor(c => c.Patch.Escalation.Value!.Enabled.Value)
                    .NotNull().WithMessage("Must be true or false.")
                    .OverridePropertyName("escalation.enabled"));
            When(c => c.Patch.Escalation.Value is { SupportEmail.IsSet: true }, () =>
                RuleFor(c => c.Patch.Escalation.Value!.SupportEmail.Value)
                    .Must(v => v is null || (Text.CountChars(v) <= limits.EmailMaxChars && Text.IsEmail(v.Trim()))).WithMessage("Not a valid e-mail address.")
                    .OverridePropertyName("escalation.support_email"));
            When(c => c.Patch.Escalation.Value is { WebhookUrl.IsSet: true }, () =>
                RuleFor(c => c.Patch.Escalation.Value!.WebhookUrl.Value)
                    .Must(v => v is null || (Text.CountChars(v) <= limits.UrlMaxChars && Text.IsHttpUrl(v.Trim(), out _)))
                    .WithMessage($"Must be an http or https URL of at most {limits.UrlMaxChars} characters, without user info.")
                    .OverridePropertyName("escalation.webhook_url"));
        });

        When(c => c.Patch.Answering.IsSet, () =>
        {
            RuleFor(c => c.Patch.Answering.Value)
                .NotNull().WithMessage("Must be an object.")
                .OverridePropertyName("answering");
            When(c => c.Patch.Answering.Value is { LowConfidenceThreshold.IsSet: true }, () =>
                RuleFor(c => c.Patch.Answering.Value!.LowConfidenceThreshold.Value)
                    .InclusiveBetween(0, 1).WithMessage("Must be between 0 and 1, or null.")
                    .OverridePropertyName("answering.low_confidence_threshold"));
            When(c => c.Patch.Answering.Value is { FaqMatchThreshold.IsSet: true }, () =>
                RuleFor(c => c.Patch.Answering.Value!.FaqMatchThreshold.Value)
                    .InclusiveBetween(0, 1).WithMessage("Must be between 0 and 1, or null.")
                    .OverridePropertyName("answering.faq_match_threshold"));
        });
    }

    private static bool IsAllowedDomain(string? domain) =>
        domain is not null && domain.Length <= Bot.AllowedDomainMaxChars && Text.IsAllowedDomainPattern(domain.Trim().ToLowerInvariant());
}
