using Chat9.Domain.Common;

namespace Chat9.Domain.Bots;

/// <summary>How a bot hands conversations to humans.</summary>
public sealed record EscalationSettings
{
    public const int WebhookUrlMaxChars = 2048;

    public static readonly EscalationSettings Default = new(true, null, null);

    public EscalationSettings(bool enabled, string? supportEmail, string? webhookUrl)
    {
        Enabled = enabled;
        SupportEmail = Guard.Email(supportEmail, "escalation.support_email");
        if (webhookUrl is not null && (webhookUrl.Length > WebhookUrlMaxChars || !Text.IsHttpUrl(webhookUrl, out _)))
        {
            throw new DomainValidationException("escalation.webhook_url", "Must be an http or https URL.");
        }

        WebhookUrl = webhookUrl;
    }

    public bool Enabled { get; init; }

    public string? SupportEmail { get; init; }

    public string? WebhookUrl { get; init; }
}
