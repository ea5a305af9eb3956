using System.Security.Claims;
using Chat9.Application.Chat.AskQuestion;
using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.DebugChat;
using Chat9.Application.ChatLogs.GetSessionTranscript;
using Chat9.Application.ChatLogs.ListBadAnswers;
using Chat9.Application.ChatLogs.ListSessions;
using Chat9.Application.ChatLogs.RateMessage;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Models;
using Chat9.Application.Common.Options;
using Chat9.Application.Escalations.Common;
using Chat9.Application.Escalations.EscalateSession;
using Chat9.Domain.Sessions;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.WebApi.Infrastructure.OpenApi;
using Chat9.WebApi.Infrastructure.RateLimiting;
using Chat9.WebApi.Infrastructure.Streaming;
using Chat9.WebApi.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

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

        group.MapGet("/sessions", ListSessions)
            .WithName("ListChatSessions")
            .WithSummary("Conversations, most recently active first. Filters: from, to (last activity), has_ticket, feedback (up|down), user_id, channel (widget|api).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/sessions/{session_id}", GetSession)
            .WithName("GetChatSession")
            .WithSummary("The full transcript with sources, outcomes, confidence, feedback and token usage.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/messages/{message_id}/feedback", RateMessage)
            .WithName("RateMessage")
            .WithSummary("Thumbs up or down on an answer, with an optional ideal answer; none clears.")
            .Accepts<MessageFeedbackRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/bad-answers", BadAnswers)
            .WithName("ListBadAnswers")
            .WithSummary("Answers rated down, newest rating first, with the question each replied to.")
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

    /// <param name="from">Sessions active at or after this time (ISO 8601).</param>
    /// <param name="to">Sessions active at or before this time (ISO 8601).</param>
    /// <param name="hasTicket"><c>true</c> or <c>false</c>.</param>
    /// <param name="feedback"><c>up</c> or <c>down</c>: sessions with at least one answer rated so.</param>
    /// <param name="userId">The identified user.</param>
    /// <param name="channel"><c>widget</c> or <c>api</c>.</param>
    public static async Task<Ok<PagedList<SessionSummary>>> ListSessions(
        ClaimsPrincipal user, ISender sender, CancellationToken ct,
        string? from = null, string? to = null, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "has_ticket")] string? hasTicket = null,
        string? feedback = null, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "user_id")] string? userId = null, string? channel = null,
        string? limit = null, string? offset = null, string? cursor = null)
    {
        var rating = QueryParameters.Enum<MessageFeedback>(feedback, "feedback");
        if (rating == MessageFeedback.None)
        {
            throw new ValidationException("feedback", "Must be up or down.");
        }

        var filter = new SessionFilter(
            QueryParameters.Timestamp(from, "from"),
            QueryParameters.Timestamp(to, "to"),
            QueryParameters.Bool(hasTicket, "has_ticket"),
            rating,
            string.IsNullOrEmpty(userId) ? null : userId,
            QueryParameters.Enum<SessionChannel>(channel, "channel"));
        return TypedResults.Ok(await sender.Send(new ListSessionsQuery(user.GetBotId(), QueryParameters.Page(limit, offset, cursor), filter), ct));
    }

    /// <param name="sessionId">The session (UUID).</param>
    public static async Task<Ok<SessionTranscriptDto>> GetSession(
        ClaimsPrincipal user, [Microsoft.AspNetCore.Mvc.FromRoute(Name = "session_id")] string sessionId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSessionTranscriptQuery(user.GetBotId(), PathIds.Parse(sessionId)), ct));

    /// <param name="messageId">The assistant message (UUID).</param>
    public static async Task<Ok<MessageFeedbackDto>> RateMessage(
        ClaimsPrincipal user, [Microsoft.AspNetCore.Mvc.FromRoute(Name = "message_id")] string messageId, JsonBody<MessageFeedbackRequest> body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RateMessageCommand(user.GetBotId(), PathIds.Parse(messageId), body.Value.Feedback, body.Value.IdealAnswer), ct));

    public static async Task<Ok<PagedList<BadAnswer>>> BadAnswers(
        ClaimsPrincipal user, ISender sender, CancellationToken ct, string? limit = null, string? offset = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListBadAnswersQuery(user.GetBotId(), QueryParameters.Page(limit, offset, cursor)), ct));
}

/// <summary>The body of <c>POST /chat/messages/{message_id}/feedback</c>.</summary>
/// <param name="Feedback"><c>up</c>, <c>down</c> or <c>none</c> (clears).</param>
/// <param name="IdealAnswer">What the answer should have said (≤ 8,000 characters), or null.</param>
public sealed record MessageFeedbackRequest(string? Feedback, string? IdealAnswer);

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
