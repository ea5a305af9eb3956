using System.Text.Json;
using Chat9.Application.Chat.SendWidgetMessage;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Json;
using Chat9.Application.Escalations.Common;
using Chat9.Application.Widget.EscalateWidgetSession;
using Chat9.Application.Widget.GetWidgetConfig;
using Chat9.Application.Widget.GetWidgetHistory;
using Chat9.Application.Widget.StartWidgetSession;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.WebApi.Infrastructure.OpenApi;
using Chat9.WebApi.Infrastructure.RateLimiting;
using Chat9.WebApi.Infrastructure.Streaming;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat9.WebApi.Endpoints;

/// <summary>
/// The public widget endpoints of widget-api.md, identified by the bot's public id (<c>bot_id=ch_…</c>), rate-limited per
/// client IP and answered with CORS headers for the bot's allowed origins (<see cref="Infrastructure.Network.WidgetCors"/>).
/// </summary>
public sealed class WidgetEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/widget")
            .WithTags("Widget")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/session/init", StartSession)
            .WithName("WidgetSessionInit")
            .WithSummary("Start a session, or resume the identified user's latest open one (identity.md). An invalid identity token never fails: the session is anonymous.")
            .Accepts<WidgetSessionInitRequest>("application/json")
            .RequireRateLimiting(RateLimitingSetup.WidgetSessionInit)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/chat", Chat)
            .WithName("WidgetChat")
            .WithSummary("Send one visitor message; the answer streams back as Server-Sent Events (sse.md). An empty message asks for the greeting.")
            .Accepts<WidgetChatRequest>("application/json")
            .WithMetadata(new EventStreamMetadata(ManagementHeaders: false))
            .RequireRateLimiting(RateLimitingSetup.WidgetChat)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/history", History)
            .WithName("WidgetHistory")
            .WithSummary("A session's last 100 messages, oldest first (works on ended sessions).")
            .RequireRateLimiting(RateLimitingSetup.WidgetHistory)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/escalate", Escalate)
            .WithName("WidgetEscalate")
            .WithSummary("Hand the conversation to a human: open a ticket and end the chat. Idempotent per session.")
            .Accepts<EscalateRequest>("application/json")
            .RequireRateLimiting(RateLimitingSetup.WidgetEscalate)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/config", Config)
            .WithName("WidgetConfig")
            .WithSummary("The bot settings the widget needs before it draws, localized to `locale`.")
            .RequireRateLimiting(RateLimitingSetup.WidgetConfig);
    }

    public static async Task<Ok<WidgetSessionDto>> StartSession(JsonBody<WidgetSessionInitBody> body, HttpContext context, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        if (JsonStrings.TextOrNull(request.BotId) is not { } botId)
        {
            throw new ValidationException("bot_id", "bot_id is required and must be a string.");
        }

        // Every other member problem is ignored (widget-api.md): a token of the wrong type (or not valid text) is simply an invalid token.
        var token = request.IdentityToken.ValueKind switch
        {
            JsonValueKind.String => JsonStrings.TextOrNull(request.IdentityToken) ?? string.Empty,
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            _ => string.Empty,
        };
        var hints = request.UserHints.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? (JsonElement?)null : request.UserHints.Clone();
        var locale = JsonStrings.TextOrNull(request.Locale);
        var command = new StartWidgetSessionCommand(botId, RequestLanguage.Origin(context), token, hints, locale);
        return TypedResults.Ok(await sender.Send(command, ct));
    }

    /// <param name="botId">The bot's public id (<c>ch_…</c>).</param>
    /// <param name="sessionId">The session (UUID); omitted = a new anonymous session.</param>
    /// <param name="locale">Browser locale hint (BCP 47); the body's <c>locale</c> wins.</param>
    public static async Task<IResult> Chat(
        [FromQuery(Name = "bot_id")] string? botId,
        [FromQuery(Name = "session_id")] string? sessionId,
        [FromQuery(Name = "locale")] string? locale,
        JsonBody<WidgetChatRequest> body,
        HttpContext context,
        ISender sender,
        CancellationToken ct)
    {
        var request = body.Value;
        var publicId = RequiredBotId(botId);
        if (request.Message is null)
        {
            throw new ValidationException("message", "message is required (an empty string asks for the greeting).");
        }

        var hint = RequestLanguage.Hint(context, request.Locale, locale);
        var command = new SendWidgetMessageCommand(publicId, sessionId, request.Message, RequestLanguage.Origin(context), hint);
        var turn = await ChatResponses.StartAsync(sender.CreateStream(command, ct), ct);
        return ChatResponses.Stream(turn, managementFields: false);
    }

    /// <param name="botId">The bot's public id (<c>ch_…</c>).</param>
    /// <param name="sessionId">The session (UUID).</param>
    public static async Task<Ok<WidgetHistoryDto>> History(
        [FromQuery(Name = "bot_id")] string? botId,
        [FromQuery(Name = "session_id")] string? sessionId,
        HttpContext context,
        ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetWidgetHistoryQuery(RequiredBotId(botId), sessionId, RequestLanguage.Origin(context)), ct));

    /// <param name="botId">The bot's public id (<c>ch_…</c>).</param>
    /// <param name="sessionId">The session (UUID).</param>
    public static async Task<Ok<EscalationDto>> Escalate(
        [FromQuery(Name = "bot_id")] string? botId,
        [FromQuery(Name = "session_id")] string? sessionId,
        OptionalJsonBody<EscalateRequest> body,
        HttpContext context,
        ISender sender,
        CancellationToken ct)
    {
        var request = body.Value ?? EscalateRequest.Empty;
        var command = new EscalateWidgetSessionCommand(
            RequiredBotId(botId), sessionId, RequestLanguage.Origin(context), request.Trigger, request.UserNote, request.Email, RequestLanguage.Hint(context));
        return TypedResults.Ok(await sender.Send(command, ct));
    }

    /// <param name="botId">The bot's public id (<c>ch_…</c>).</param>
    /// <param name="locale">BCP 47; the labels and the greeting are localized to it.</param>
    public static async Task<Ok<WidgetConfigDto>> Config(
        [FromQuery(Name = "bot_id")] string? botId,
        [FromQuery(Name = "locale")] string? locale,
        HttpContext context,
        ISender sender,
        CancellationToken ct)
    {
        var config = await sender.Send(new GetWidgetConfigQuery(RequiredBotId(botId), RequestLanguage.Origin(context), RequestLanguage.Hint(context, locale)), ct);
        context.Response.Headers.CacheControl = "public, max-age=60";
        context.Response.Headers.Vary = "Origin, Accept-Language";
        return TypedResults.Ok(config);
    }

    private static string RequiredBotId(string? botId) =>
        string.IsNullOrEmpty(botId) ? throw new ValidationException("bot_id", "bot_id is required.") : botId;
}

/// <summary>
/// The body of <c>POST /widget/session/init</c>. Only <c>bot_id</c> must be a string; anything wrong with the other
/// members is dropped and logged, never an error.
/// </summary>
/// <param name="BotId">The bot's public id.</param>
/// <param name="IdentityToken">Signed token (identity.md), at most 4,096 characters; an invalid one makes the session anonymous.</param>
/// <param name="UserHints">Unsigned hints; they never identify the visitor.</param>
/// <param name="Locale">The browser's locale (BCP 47); an invalid value is ignored.</param>
public sealed record WidgetSessionInitRequest(string BotId, string? IdentityToken, WidgetUserHints? UserHints, string? Locale);

/// <summary>Unsigned hints from the page: they personalize the greeting, pick the language and pre-fill the ticket's e-mail.</summary>
/// <param name="UserId">At most 128 characters; stored as an unverified hint.</param>
/// <param name="Email">At most 320 characters, a valid address.</param>
/// <param name="Name">At most 200 characters.</param>
/// <param name="PlanTier">At most 64 characters; never raises ticket priority.</param>
/// <param name="Locale">BCP 47, at most 35 characters.</param>
public sealed record WidgetUserHints(string? UserId, string? Email, string? Name, string? PlanTier, string? Locale);

/// <summary>How <see cref="WidgetSessionInitRequest"/> is read: leniently, member by member.</summary>
public sealed record WidgetSessionInitBody(JsonElement BotId, JsonElement IdentityToken, JsonElement UserHints, JsonElement Locale);

/// <summary>The body of <c>POST /widget/chat</c>.</summary>
public sealed record WidgetChatRequest(string? Message, string? Locale);
