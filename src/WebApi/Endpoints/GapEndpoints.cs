using System.Security.Claims;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Models;
using Chat9.Application.Gaps.Common;
using Chat9.Application.Gaps.DismissGap;
using Chat9.Application.Gaps.DraftGapSection;
using Chat9.Application.Gaps.GetGap;
using Chat9.Application.Gaps.GetGapJob;
using Chat9.Application.Gaps.GetGapSummary;
using Chat9.Application.Gaps.ListGaps;
using Chat9.Application.Gaps.ReactivateGap;
using Chat9.Application.Gaps.RequestGapRecalculation;
using Chat9.Application.Jobs.Common;
using Chat9.Domain.Gaps;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat9.WebApi.Endpoints;

/// <summary>The Gap Analyzer endpoints of management-api.md: what the documents fail to answer, and what to do about it.</summary>
public sealed class GapEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapManagementGroup("/gap-analyzer", "Gap Analyzer");

        group.MapGet(string.Empty, List)
            .WithName("ListGaps")
            .WithSummary("Gaps, largest first (question_count, then last_seen). Filters: status (active|dismissed|resolved|all, default active), mode (questions|coverage).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/summary", Summary)
            .WithName("GetGapSummary")
            .WithSummary("Counts per status, the five largest active gaps and when the gaps were last recalculated.");
        group.MapPost("/recalculate", Recalculate)
            .WithName("RecalculateGaps")
            .WithSummary("Recalculate in the background. Returns the job; a recalculation already queued or running is returned instead of a new one.");
        group.MapGet("/jobs/{job_id}", GetJob)
            .WithName("GetGapJob")
            .WithSummary("A recalculation job: queued, running, succeeded or failed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}", Get)
            .WithName("GetGap")
            .WithSummary("One gap.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/dismiss", Dismiss)
            .WithName("DismissGap")
            .WithSummary("Dismiss a gap (optional reason ≤ 500 characters). Later questions raise its count but never make it active again.")
            .Accepts<DismissGapRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id}/reactivate", Reactivate)
            .WithName("ReactivateGap")
            .WithSummary("Make a dismissed or resolved gap active again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/draft", Draft)
            .WithName("DraftGapSection")
            .WithSummary("A Markdown documentation section for the gap: written by the model from the closest chunks when one is configured, else a template.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="status"><c>active</c> (default), <c>dismissed</c>, <c>resolved</c> or <c>all</c>.</param>
    /// <param name="mode"><c>questions</c> or <c>coverage</c>; both when left out.</param>
    public static async Task<Ok<PagedList<GapDto>>> List(
        ClaimsPrincipal user, ISender sender, CancellationToken ct,
        string? status = null, string? mode = null, string? limit = null, string? offset = null, string? cursor = null)
    {
        var statusFilter = status switch
        {
            null => GapStatus.Active,
            "all" => (GapStatus?)null,
            _ => QueryParameters.Enum<GapStatus>(status, "status"),
        };
        return TypedResults.Ok(await sender.Send(
            new ListGapsQuery(user.GetBotId(), QueryParameters.Page(limit, offset, cursor), statusFilter, QueryParameters.Enum<GapMode>(mode, "mode")), ct));
    }

    public static async Task<Ok<GapSummaryDto>> Summary(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetGapSummaryQuery(user.GetBotId()), ct));

    public static async Task<Accepted<BotJobDto>> Recalculate(ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var job = await sender.Send(new RequestGapRecalculationCommand(user.GetBotId()), ct);
        return TypedResults.Accepted($"/gap-analyzer/jobs/{job.JobId}", job);
    }

    public static async Task<Ok<BotJobDto>> GetJob(ClaimsPrincipal user, [FromRoute(Name = "job_id")] string jobId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetGapJobQuery(user.GetBotId(), PathIds.Parse(jobId)), ct));

    public static async Task<Ok<GapDto>> Get(ClaimsPrincipal user, string id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetGapQuery(user.GetBotId(), PathIds.Parse(id)), ct));

    public static async Task<Ok<GapDto>> Dismiss(ClaimsPrincipal user, string id, OptionalJsonBody<DismissGapRequest> body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DismissGapCommand(user.GetBotId(), PathIds.Parse(id), body.Value?.Reason), ct));

    public static async Task<Ok<GapDto>> Reactivate(ClaimsPrincipal user, string id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReactivateGapCommand(user.GetBotId(), PathIds.Parse(id)), ct));

    public static async Task<Ok<GapDraftDto>> Draft(ClaimsPrincipal user, string id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DraftGapSectionCommand(user.GetBotId(), PathIds.Parse(id)), ct));
}

/// <summary>The body of <c>POST /gap-analyzer/{id}/dismiss</c> (it may be left out).</summary>
/// <param name="Reason">Why the gap needs no work, ≤ 500 characters.</param>
public sealed record DismissGapRequest(string? Reason);
