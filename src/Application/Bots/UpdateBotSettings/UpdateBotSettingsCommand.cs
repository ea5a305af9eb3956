using Chat9.Application.Bots.GetBot;
using Chat9.Application.Common.Models;
using Mediator;

namespace Chat9.Application.Bots.UpdateBotSettings;

/// <summary>
/// <c>PATCH /bot</c>: changes only the members that were sent. <see cref="RejectedFields"/> lists members the client
/// sent that cannot be patched (unknown or read-only, as snake_case paths); any of them fails validation.
/// </summary>
public sealed record UpdateBotSettingsCommand(Guid BotId, BotSettingsPatch Patch, IReadOnlyList<string> RejectedFields) : ICommand<BotDto>;

public sealed record BotSettingsPatch
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Greeting { get; init; }

    public Optional<string?> Instructions { get; init; }

    public Optional<string?> AccentColor { get; init; }

    public Optional<bool?> LinkSafetyEnabled { get; init; }

    public Optional<IReadOnlyList<string>?> AllowedDomains { get; init; }

    public Optional<EscalationPatch?> Escalation { get; init; }

    public Optional<AnsweringPatch?> Answering { get; init; }
}

public sealed record EscalationPatch
{
    public Optional<bool?> Enabled { get; init; }

    public Optional<string?> SupportEmail { get; init; }

    public Optional<string?> WebhookUrl { get; init; }
}

public sealed record AnsweringPatch
{
    public Optional<double?> LowConfidenceThreshold { get; init; }

    public Optional<double?> FaqMatchThreshold { get; init; }
}
