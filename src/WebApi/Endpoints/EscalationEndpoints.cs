using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat9.Application.Common.Models;
using Chat9.Application.Escalations.Common;
using Chat9.Application.Escalations.GetEscalation;
using Chat9.Application.Escalations.ListEscalations;
using Chat9.Application.Escalations.UpdateEscalation;
using Chat9.Domain.Tickets;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NJsonSchema.Annotations;

namespace Chat9.WebApi.Endpoints;

/// <summary>The Escalations endpoints of management-api.md: the bot's tickets and their lifecycle.</summary>
public sealed class EscalationEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapManagementGroup("/escalations", "Escalations");

        group.MapGet(string.Empty, List)
            .WithName("ListEscalations")
            .WithSummary("Tickets, newest first. Filters: status, priority, trigger. Paging: limit with offset or cursor.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{ticket_number}", Get)
            .WithName("GetEscalation")
            .WithSummary("One ticket (ESC-0007) with its notifications.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/{ticket_number}", Update)
            .WithName("UpdateEscalation")
            .WithSummary("Move a ticket along open → in_progress → resolved (resolving needs resolution_text). A resolved ticket is final.")
            .Accepts<UpdateEscalationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <param name="status"><c>open</c>, <c>in_progress</c> or <c>resolved</c>.</param>
    /// <param name="priority"><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</param>
    /// <param name="trigger"><c>user_request</c>, <c>answer_rejected</c>, <c>low_confidence</c> or <c>no_documents</c>.</param>
    public static async Task<Ok<PagedList<TicketDto>>> List(
        ClaimsPrincipal user, ISender sender, CancellationToken ct,
        string? status = null, string? priority = null, string? trigger = null,
        string? limit = null, string? offset = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListEscalationsQuery(
            user.GetBotId(),
            QueryParameters.Page(limit, offset, cursor),
            QueryParameters.Enum<TicketStatus>(status, "status"),
            QueryParameters.Enum<TicketPriority>(priority, "priority"),
            QueryParameters.Enum<TicketTrigger>(trigger, "trigger")), ct));

    /// <param name="ticketNumber">The ticket's number, e.g. <c>ESC-0007</c>.</param>
    public static async Task<Ok<TicketDetailDto>> Get(
        ClaimsPrincipal user, [FromRoute(Name = "ticket_number")] string ticketNumber, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetEscalationQuery(user.GetBotId(), ticketNumber), ct));

    /// <param name="ticketNumber">The ticket's number, e.g. <c>ESC-0007</c>.</param>
    public static async Task<Ok<TicketDto>> Update(
        ClaimsPrincipal user, [FromRoute(Name = "ticket_number")] string ticketNumber, JsonBody<UpdateEscalationRequest> body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateEscalationCommand(
            user.GetBotId(), ticketNumber, body.Value.Status, body.Value.ResolutionText, [.. body.Value.OtherMembers?.Keys ?? Enumerable.Empty<string>()]), ct));
}

/// <summary>The body of <c>PATCH /escalations/{ticket_number}</c>.</summary>
/// <param name="Status"><c>in_progress</c> or <c>resolved</c> (the current status again is a no-op).</param>
/// <param name="ResolutionText">Required to resolve: 1–8,000 characters, an internal record.</param>
public sealed record UpdateEscalationRequest(string? Status, string? ResolutionText)
{
    /// <summary>Members the contract does not let a PATCH change: rejected, so a typo never silently does nothing.</summary>
    [JsonExtensionData]
    [JsonSchemaIgnore]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }
}
