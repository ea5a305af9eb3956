using System.Security.Claims;
using Chat9.Application.Chat.AskQuestion;
using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.DebugChat;
using Chat9.Application.Escalations.Common;
using Chat9.Application.Escalations.EscalateSession;
using Chat9.WebApi.Infrastructure.OpenApi;
using Chat9.WebApi.Infrastructure.Streaming;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Options;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.WebApi.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat9.WebApi.Endpoints;

/// <summary>The Chat endpoints of management-api.md: a turn as JSON or as an SSE stream, and the debug view of the pipeline.</summary>
public sealed class ChatEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapManagementGroup("/chat", "Chat");

        group.MapPost(string.Empty, Ask)
            .WithName("AskQuestion")
            .WithSummary("Ask one question: the same pipeline as the widget. JSON by default; an SSE stream (sse.md) with Accept: text/event-stream.")
            .Accepts<AskQuestionRequest>("application/json")
            .Produces<TurnResult>(StatusCodes.Status200OK, "application/json")
            .WithMetadata(new EventStreamMetadata(ManagementHeaders: true))
            .RequireRateLimiting(RateLimitingSetup.Chat)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/debug", Debug)
            .WithName("DebugChat")
            .WithSummary("Run the pipeline for a question and show its workings (retrieval candidates with their scores). Stores nothing.")
            .Accepts<DebugChatRequest>("application/json")
            .RequireRateLimiting(RateLimitingSetup.Chat)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{session_id}/escalate", Escalate)
            .WithName("EscalateSession")
            .WithSummary("Hand a session to a human: open its ticket (ESC-0001, per bot) and end the chat. Idempotent per session.")
            .Accepts<EscalateRequest>("application/json")
            .RequireRateLimiting(RateLimitingSetup.Chat)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<IResult> Ask(
        ClaimsPrincipal user, JsonBody<AskQuestionRequest> body, HttpContext context, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        var hint = RequestLanguage.Hint(context);
        var command = new AskQuestionCommand(
            user.GetBotId(), request.Question ?? string.Empty, SessionIds.ParseOptional(request.SessionId), hint, IdempotencyKey(context.Request));
        var turn = await ChatResponses.StartAsync(sender.CreateStream(command, ct), ct);
        return WantsStream(context.Request)
            ? ChatResponses.Stream(turn, managementFields: true)
            : await ChatResponses.JsonAsync(turn, context);
    }

    /// <summary>The <c>Idempotency-Key</c> header: 1–255 printable ASCII characters, else <c>422 validation_failed</c>.</summary>
    private static string? IdempotencyKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue("Idempotency-Key", out var values))
        {
            return null;
        }

        var key = values.ToString();
        var maxChars = request.HttpContext.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.IdempotencyKeyMaxChars;
        return values.Count == 1 && key.Length >= 1 && key.Length <= maxChars && key.All(c => c is >= '\x20' and <= '\x7E')
            ? key
            : throw new ValidationException("Idempotency-Key", $"Idempotency-Key must be 1–{maxChars} printable ASCII characters.");
    }

    private static bool WantsStream(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    public static async Task<Ok<ChatDebugDto>> Debug(ClaimsPrincipal user, JsonBody<DebugChatRequest> body, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        return TypedResults.Ok(await sender.Send(new DebugChatQuery(user.GetBotId(), request.Question ?? string.Empty, SessionIds.ParseOptional(request.SessionId)), ct));
    }

    /// <param name="sessionId">The session (UUID).</param>
    public static async Task<Ok<EscalationDto>> Escalate(
        ClaimsPrincipal user,
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "session_id")] string sessionId,
        OptionalJsonBody<EscalateRequest> body,
        HttpContext context,
        ISender sender,
        CancellationToken ct)
    {
        var request = body.Value ?? EscalateRequest.Empty;
        var command = new EscalateSessionCommand(
            user.GetBotId(), SessionIds.ParseRequired(sessionId), request.Trigger, request.UserNote, request.Email, RequestLanguage.Hint(context));
        return TypedResults.Ok(await sender.Send(command, ct));
    }
}

/// <summary>The body of the escalate endpoints (<c>{}</c> or no body at all is fine).</summary>
/// <param name="Trigger"><c>user_request</c> (default) or <c>answer_rejected</c>.</param>
/// <param name="UserNote">The visitor's own words for the support team (≤ 2,000 characters).</param>
/// <param name="Email">Contact for anonymous visitors.</param>
public sealed record EscalateRequest(string? UserNote, string? Trigger, string? Email)
{
    public static readonly EscalateRequest Empty = new(null, null, null);
}

/// <summary>The body of <c>POST /chat</c>.</summary>
public sealed record AskQuestionRequest(string? Question, string? SessionId);

/// <summary>The body of <c>POST /chat/debug</c>.</summary>
public sealed record DebugChatRequest(string? Question, string? SessionId);
