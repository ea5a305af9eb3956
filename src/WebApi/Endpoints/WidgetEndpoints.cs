using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Chat.SendWidgetMessage;
using Chat9.Application.Common.Exceptions;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.WebApi.Infrastructure.OpenApi;
using Chat9.WebApi.Infrastructure.Streaming;
using Mediator;

namespace Chat9.WebApi.Endpoints;

/// <summary>The public widget endpoints of widget-api.md, identified by the bot's public id (<c>bot_id=ch_…</c>).</summary>
public sealed class WidgetEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/widget").WithTags("Widget");

        group.MapPost("/chat", Chat)
            .WithName("WidgetChat")
            .WithSummary("Send one visitor message; the answer streams back as Server-Sent Events (sse.md). An empty message asks for the greeting.")
            .Accepts<WidgetChatRequest>("application/json")
            .WithMetadata(new EventStreamMetadata(ManagementHeaders: false))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    /// <param name="botId">The bot's public id (<c>ch_…</c>).</param>
    /// <param name="sessionId">The session (UUID); omitted = a new anonymous session.</param>
    /// <param name="locale">Browser locale hint (BCP 47); the body's <c>locale</c> wins.</param>
    public static async Task<IResult> Chat(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "bot_id")] string? botId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "session_id")] string? sessionId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "locale")] string? locale,
        JsonBody<WidgetChatRequest> body,
        HttpContext context,
        ISender sender,
        CancellationToken ct)
    {
        var request = body.Value;
        if (string.IsNullOrEmpty(botId))
        {
            throw new ValidationException("bot_id", "bot_id is required.");
        }

        if (request.Message is null)
        {
            throw new ValidationException("message", "message is required (an empty string asks for the greeting).");
        }

        var hint = ConversationLanguages.FromLocale(request.Locale)
            ?? ConversationLanguages.FromLocale(locale)
            ?? ConversationLanguages.FromLocale(context.Request.Headers["X-Browser-Locale"].ToString())
            ?? ConversationLanguages.FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString());
        var origin = context.Request.Headers.Origin.Count > 0 ? context.Request.Headers.Origin.ToString() : null;
        var command = new SendWidgetMessageCommand(botId, SessionIds.Parse(sessionId), request.Message, origin, hint);
        var turn = await ChatResponses.StartAsync(sender.CreateStream(command, ct), ct);
        return ChatResponses.Stream(turn, managementFields: false);
    }
}

/// <summary>The body of <c>POST /widget/chat</c>.</summary>
public sealed record WidgetChatRequest(string? Message, string? Locale);
