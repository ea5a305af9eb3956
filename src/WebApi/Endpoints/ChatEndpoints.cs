using System.Security.Claims;
using Chat9.Application.Chat.DebugChat;
using Chat9.Application.Common.Exceptions;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Chat9.WebApi.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat9.WebApi.Endpoints;

/// <summary>The Chat endpoints of management-api.md (so far: the debug view of retrieval).</summary>
public sealed class ChatEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapManagementGroup("/chat", "Chat");

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
    }

    public static async Task<Ok<ChatDebugDto>> Debug(ClaimsPrincipal user, JsonBody<DebugChatRequest> body, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        return TypedResults.Ok(await sender.Send(new DebugChatQuery(user.GetBotId(), request.Question ?? string.Empty, SessionIds.Parse(request.SessionId)), ct));
    }
}

/// <summary>The body of <c>POST /chat/debug</c>.</summary>
public sealed record DebugChatRequest(string? Question, string? SessionId);

/// <summary>The session rules of the contract: a <c>session_id</c> that is sent must be a UUID (<c>422 session_invalid</c>).</summary>
public static class SessionIds
{
    public static Guid? Parse(string? sessionId) =>
        sessionId is null ? null
        : Guid.TryParseExact(sessionId, "D", out var id) ? id
        : throw new UnprocessableException("session_invalid", "session_id must be a UUID.");
}
