using Chat9.Domain.Bots.Events;
using Chat9.Domain.Common;

namespace Chat9.Domain.Bots;

/// <summary>
/// The isolation boundary of Chat9: every other row belongs to exactly one bot, and a credential sees only its own bot.
/// </summary>
public sealed class Bot : Entity, IAggregateRoot
{
    public const string DefaultAccentColor = "#6d28d9";
    public const int AllowedDomainMaxChars = 255;

    private List<string> _allowedDomains = [];

    // For EF Core.
    private Bot() { }

    private Bot(Guid id, string publicId, string name, DateTimeOffset now)
        : base(id)
    {
        PublicId = publicId;
        Name = name;
        Status = BotStatus.Active;
        AccentColor = DefaultAccentColor;
        LinkSafetyEnabled = true;
        Escalation = EscalationSettings.Default;
        Answering = AnsweringSettings.Default;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string PublicId { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public BotStatus Status { get; private set; }

    public bool IsDemo { get; private set; }

    public string? Greeting { get; private set; }

    public string? Instructions { get; private set; }

    public string AccentColor { get; private set; } = DefaultAccentColor;

    public bool LinkSafetyEnabled { get; private set; }

    public IReadOnlyList<string> AllowedDomains => _allowedDomains.AsReadOnly();

    public EscalationSettings Escalation { get; private set; } = EscalationSettings.Default;

    public AnsweringSettings Answering { get; private set; } = AnsweringSettings.Default;

    public RotatingSecret? IdentitySecret { get; private set; }

    public RotatingSecret? WebhookSecret { get; private set; }

    /// <summary>The last ticket number handed out; ticket numbers are per bot and never reused.</summary>
    public int LastTicketNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsActive => Status == BotStatus.Active;

    public static Bot Create(string name, IEnumerable<string> allowedDomains, string protectedWebhookSecret, DateTimeOffset now, bool isDemo = false)
    {
        var bot = new Bot(Guid.CreateVersion7(now), BotPublicId.New(), Guard.NotBlank(name, "name"), now)
        {
            IsDemo = isDemo,
            WebhookSecret = RotatingSecret.First(protectedWebhookSecret, now),
        };
        bot._allowedDomains = NormalizeDomains(allowedDomains);
        bot.Raise(new BotCreated(bot.Id, bot.PublicId));
        return bot;
    }

    public void Rename(string name, DateTimeOffset now)
    {
        Name = Guard.NotBlank(name, "name");
        Changed(now, "name");
    }

    public void ChangeGreeting(string? greeting, DateTimeOffset now)
    {
        Greeting = string.IsNullOrWhiteSpace(greeting) ? null : greeting.Trim();
        Changed(now, "greeting");
    }

    public void ChangeInstructions(string? instructions, DateTimeOffset now)
    {
        Instructions = string.IsNullOrWhiteSpace(instructions) ? null : instructions.Trim();
        Changed(now, "instructions");
    }

    public void ChangeAccentColor(string accentColor, DateTimeOffset now)
    {
        if (!Text.IsHexColor(accentColor))
        {
            throw new DomainValidationException("accent_color", "Must be a color of the form #rrggbb.");
        }

        AccentColor = accentColor.ToLowerInvariant();
        Changed(now, "accent_color");
    }

    public void ChangeLinkSafety(bool enabled, DateTimeOffset now)
    {
        LinkSafetyEnabled = enabled;
        Changed(now, "link_safety_enabled");
    }

    public void ChangeAllowedDomains(IEnumerable<string> allowedDomains, DateTimeOffset now)
    {
        _allowedDomains = NormalizeDomains(allowedDomains);
        Changed(now, "allowed_domains");
    }

    public void ChangeEscalation(EscalationSettings escalation, DateTimeOffset now)
    {
        Escalation = escalation;
        Changed(now, "escalation");
    }

    public void ChangeAnswering(AnsweringSettings answering, DateTimeOffset now)
    {
        Answering = answering;
        Changed(now, "answering");
    }

    public void Disable(DateTimeOffset now)
    {
        if (Status == BotStatus.Disabled)
        {
            return;
        }

        Status = BotStatus.Disabled;
        UpdatedAt = now;
        Raise(new BotDisabled(Id));
    }

    public void Enable(DateTimeOffset now)
    {
        if (Status == BotStatus.Active)
        {
            return;
        }

        Status = BotStatus.Active;
        UpdatedAt = now;
        Raise(new BotEnabled(Id));
    }

    /// <summary>Sets the first identity secret, or replaces it while the previous one stays valid for <paramref name="grace"/>.</summary>
    public void RotateIdentitySecret(string protectedSecret, DateTimeOffset now, TimeSpan grace)
    {
        IdentitySecret = RotatingSecret.Next(IdentitySecret, protectedSecret, now, grace);
        UpdatedAt = now;
        Raise(new IdentitySecretRotated(Id, IdentitySecret.PreviousValidUntil));
    }

    public void RotateWebhookSecret(string protectedSecret, DateTimeOffset now, TimeSpan grace)
    {
        WebhookSecret = RotatingSecret.Next(WebhookSecret, protectedSecret, now, grace);
        UpdatedAt = now;
        Raise(new WebhookSecretRotated(Id, WebhookSecret.PreviousValidUntil));
    }

    /// <summary>Hands out the next ticket number of this bot (1, 2, …).</summary>
    public int AllocateTicketNumber()
    {
        LastTicketNumber++;
        return LastTicketNumber;
    }

    /// <summary>
    /// Whether a browser origin host may use this bot's widget endpoints: an empty list allows any host;
    /// <c>example.com</c> matches exactly; <c>*.example.com</c> matches subdomains but not the apex.
    /// </summary>
    public bool AllowsOriginHost(string host)
    {
        if (_allowedDomains.Count == 0)
        {
            return true;
        }

        return _allowedDomains.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }

    private void Changed(DateTimeOffset now, string field)
    {
        UpdatedAt = now;
        Raise(new BotSettingsChanged(Id, [field]));
    }

    private static List<string> NormalizeDomains(IEnumerable<string> domains)
    {
        var normalized = new List<string>();
        foreach (var raw in domains)
        {
            var domain = raw.Trim().ToLowerInvariant();
            if (!Text.IsAllowedDomainPattern(domain) || domain.Length > AllowedDomainMaxChars)
            {
                throw new DomainValidationException("allowed_domains", $"'{raw}' is not a host name or a *. wildcard.");
            }

            if (!normalized.Contains(domain))
            {
                normalized.Add(domain);
            }
        }

        return normalized;
    }
}
