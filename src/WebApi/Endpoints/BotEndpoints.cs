using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat9.Application.Bots.GetBot;
using Chat9.Application.Bots.UpdateBotSettings;
using Chat9.Application.Common.Models;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.Application.Bots.TestWebhook;
using Mediator;
using NJsonSchema.Annotations;

namespace Chat9.WebApi.Endpoints;

/// <summary><c>GET/PATCH /bot</c>: the settings of the key's bot.</summary>
public sealed class BotEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapManagementGroup("/bot", "Bot settings");

        group.MapGet("", GetBot)
            .WithName("GetBot")
            .WithSummary("The bot this API key belongs to (also answers for a disabled bot).");

        group.MapPatch("", UpdateBot)
            .WithName("UpdateBot")
            .WithSummary("Change bot settings. Only the members sent change; null clears a nullable member; unknown or read-only members are rejected.")
            .Accepts<PatchBotRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/webhook/test", TestWebhook)
            .WithName("TestWebhook")
            .WithSummary("Send one signed ping event to escalation.webhook_url now, without retries, and report what the receiver answered.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<WebhookTestDto>> TestWebhook(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new TestWebhookCommand(user.GetBotId()), ct));

    [AllowInactiveBot]
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<BotDto>> GetBot(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetBotQuery(user.GetBotId()), ct));

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<BotDto>> UpdateBot(
        ClaimsPrincipal user, JsonBody<PatchBotRequest> body, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        var command = new UpdateBotSettingsCommand(user.GetBotId(), request.ToPatch(), request.RejectedFields());
        return TypedResults.Ok(await sender.Send(command, ct));
    }
}

/// <summary>The <c>PATCH /bot</c> body. Every member is optional; members not sent stay unchanged.</summary>
public sealed record PatchBotRequest
{
    [JsonSchemaType(typeof(string))]
    public Optional<string?> Name { get; init; }

    [JsonSchemaType(typeof(string))]
    [CanBeNull]
    public Optional<string?> Greeting { get; init; }

    [JsonSchemaType(typeof(string))]
    [CanBeNull]
    public Optional<string?> Instructions { get; init; }

    [JsonSchemaType(typeof(string))]
    public Optional<string?> AccentColor { get; init; }

    [JsonSchemaType(typeof(bool))]
    public Optional<bool?> LinkSafetyEnabled { get; init; }

    [JsonSchemaType(typeof(string[]))]
    public Optional<IReadOnlyList<string>?> AllowedDomains { get; init; }

    [JsonSchemaType(typeof(EscalationSettingsPatch))]
    public Optional<PatchEscalationRequest?> Escalation { get; init; }

    [JsonSchemaType(typeof(AnsweringSettingsPatch))]
    public Optional<PatchAnsweringRequest?> Answering { get; init; }

    [JsonExtensionData]
    [JsonSchemaIgnore]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }

    public BotSettingsPatch ToPatch() => new()
    {
        Name = Name,
        Greeting = Greeting,
        Instructions = Instructions,
        AccentColor = AccentColor,
        LinkSafetyEnabled = LinkSafetyEnabled,
        AllowedDomains = AllowedDomains,
        Escalation = Escalation.IsSet ? new Optional<EscalationPatch?>(Escalation.Value?.ToPatch()) : default,
        Answering = Answering.IsSet ? new Optional<AnsweringPatch?>(Answering.Value?.ToPatch()) : default,
    };

    public IReadOnlyList<string> RejectedFields() =>
    [
        .. Keys(OtherMembers, null),
        .. Keys(Escalation is { IsSet: true, Value: { } e } ? e.OtherMembers : null, "escalation"),
        .. Keys(Answering is { IsSet: true, Value: { } a } ? a.OtherMembers : null, "answering"),
    ];

    private static IEnumerable<string> Keys(Dictionary<string, JsonElement>? members, string? prefix) =>
        members?.Keys.Select(k => prefix is null ? k : $"{prefix}.{k}") ?? [];
}

public sealed record PatchEscalationRequest
{
    [JsonSchemaType(typeof(bool))]
    public Optional<bool?> Enabled { get; init; }

    [JsonSchemaType(typeof(string))]
    [CanBeNull]
    public Optional<string?> SupportEmail { get; init; }

    [JsonSchemaType(typeof(string))]
    [CanBeNull]
    public Optional<string?> WebhookUrl { get; init; }

    [JsonExtensionData]
    [JsonSchemaIgnore]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }

    public EscalationPatch ToPatch() => new() { Enabled = Enabled, SupportEmail = SupportEmail, WebhookUrl = WebhookUrl };
}

public sealed record PatchAnsweringRequest
{
    [JsonSchemaType(typeof(double))]
    [CanBeNull]
    public Optional<double?> LowConfidenceThreshold { get; init; }

    [JsonSchemaType(typeof(double))]
    [CanBeNull]
    public Optional<double?> FaqMatchThreshold { get; init; }

    [JsonExtensionData]
    [JsonSchemaIgnore]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }

    public AnsweringPatch ToPatch() => new() { LowConfidenceThreshold = LowConfidenceThreshold, FaqMatchThreshold = FaqMatchThreshold };
}

/// <summary>Schema of the <c>escalation</c> member of <c>PATCH /bot</c> (for the OpenAPI document).</summary>
public sealed record EscalationSettingsPatch(bool? Enabled, string? SupportEmail, string? WebhookUrl);

/// <summary>Schema of the <c>answering</c> member of <c>PATCH /bot</c> (for the OpenAPI document).</summary>
public sealed record AnsweringSettingsPatch(double? LowConfidenceThreshold, double? FaqMatchThreshold);
