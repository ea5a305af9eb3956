using System.Security.Claims;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Knowledge.Faq.AddFaqEntry;
using Chat9.Application.Knowledge.Faq.ApproveAllFaqCandidates;
using Chat9.Application.Knowledge.Faq.ApproveFaqEntry;
using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Application.Knowledge.Faq.DeleteFaqEntry;
using Chat9.Application.Knowledge.Faq.EditFaqEntry;
using Chat9.Application.Knowledge.Faq.ListFaqEntries;
using Chat9.Application.Knowledge.Faq.RejectFaqEntry;
using Chat9.Domain.Faq;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat9.WebApi.Endpoints;

/// <summary>The FAQ endpoints of management-api.md ("Knowledge"): review candidates, write entries, approve what may answer.</summary>
public sealed class KnowledgeEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var faq = app.MapManagementGroup("/knowledge/faq", "Knowledge");

        faq.MapGet(string.Empty, List)
            .WithName("ListFaqEntries")
            .WithSummary("FAQ entries, newest first. Filters: status (candidate|approved|all), source (docs|logs|manual|all). Adds candidate_count.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        faq.MapPost(string.Empty, Add)
            .WithName("AddFaqEntry")
            .WithSummary("Write an entry yourself: approved at once, source manual.")
            .Accepts<FaqTextRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        faq.MapPost("/approve-all", ApproveAll)
            .WithName("ApproveAllFaqCandidates")
            .WithSummary("Approve every candidate (optionally only those of one source: docs|logs).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        faq.MapPut("/{id}", Edit)
            .WithName("EditFaqEntry")
            .WithSummary("Replace an entry's question and answer; its status stays.")
            .Accepts<FaqTextRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        faq.MapPost("/{id}/approve", Approve)
            .WithName("ApproveFaqEntry")
            .WithSummary("Approve a candidate: from now on it answers close questions directly, without retrieval or a model.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        faq.MapPost("/{id}/reject", Reject)
            .WithName("RejectFaqEntry")
            .WithSummary("Reject a candidate: it disappears and is never suggested again.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        faq.MapDelete("/{id}", Delete)
            .WithName("DeleteFaqEntry")
            .WithSummary("Delete an entry.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="status"><c>candidate</c>, <c>approved</c> or <c>all</c> (default).</param>
    /// <param name="source"><c>docs</c>, <c>logs</c>, <c>manual</c> or <c>all</c> (default).</param>
    public static async Task<Ok<FaqPageDto>> List(
        ClaimsPrincipal user, ISender sender, CancellationToken ct,
        string? status = null, string? source = null, string? limit = null, string? offset = null, string? cursor = null)
    {
        var statusFilter = status is "all" ? null : QueryParameters.Enum<FaqStatus>(status, "status");
        if (statusFilter == FaqStatus.Rejected)
        {
            throw new ValidationException("status", "Must be one of: candidate, approved, all.");
        }

        var sourceFilter = source is "all" ? null : QueryParameters.Enum<FaqSource>(source, "source");
        return TypedResults.Ok(await sender.Send(new ListFaqEntriesQuery(user.GetBotId(), QueryParameters.Page(limit, offset, cursor), statusFilter, sourceFilter), ct));
    }

    public static async Task<Created<FaqEntryDto>> Add(ClaimsPrincipal user, JsonBody<FaqTextRequest> body, ISender sender, CancellationToken ct)
    {
        var entry = await sender.Send(new AddFaqEntryCommand(user.GetBotId(), body.Value.Question, body.Value.Answer), ct);
        return TypedResults.Created($"/knowledge/faq/{entry.Id}", entry);
    }

    /// <param name="source"><c>docs</c> or <c>logs</c>; all candidates when left out.</param>
    public static async Task<Ok<ApprovedCountDto>> ApproveAll(ClaimsPrincipal user, ISender sender, CancellationToken ct, string? source = null) =>
        TypedResults.Ok(await sender.Send(new ApproveAllFaqCandidatesCommand(user.GetBotId(), source is "all" ? null : QueryParameters.Enum<FaqSource>(source, "source")), ct));

    public static async Task<Ok<FaqEntryDto>> Edit(ClaimsPrincipal user, string id, JsonBody<FaqTextRequest> body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EditFaqEntryCommand(user.GetBotId(), PathIds.Parse(id), body.Value.Question, body.Value.Answer), ct));

    public static async Task<Ok<FaqEntryDto>> Approve(ClaimsPrincipal user, string id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ApproveFaqEntryCommand(user.GetBotId(), PathIds.Parse(id)), ct));

    public static async Task<NoContent> Reject(ClaimsPrincipal user, string id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RejectFaqEntryCommand(user.GetBotId(), PathIds.Parse(id)), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> Delete(ClaimsPrincipal user, string id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteFaqEntryCommand(user.GetBotId(), PathIds.Parse(id)), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of <c>POST /knowledge/faq</c> and <c>PUT /knowledge/faq/{id}</c>.</summary>
/// <param name="Question">1–500 characters.</param>
/// <param name="Answer">1–8,000 characters (Markdown, shown as the bot's reply).</param>
public sealed record FaqTextRequest(string? Question, string? Answer);
