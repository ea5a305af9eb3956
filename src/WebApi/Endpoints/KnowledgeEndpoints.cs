using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Models;
using Chat9.Application.Knowledge.Faq.AddFaqEntry;
using Chat9.Application.Knowledge.Faq.ApproveAllFaqCandidates;
using Chat9.Application.Knowledge.Faq.ApproveFaqEntry;
using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Application.Knowledge.Faq.DeleteFaqEntry;
using Chat9.Application.Knowledge.Faq.EditFaqEntry;
using Chat9.Application.Knowledge.Faq.ListFaqEntries;
using Chat9.Application.Knowledge.Faq.RejectFaqEntry;
using Chat9.Application.Knowledge.Profile.Common;
using Chat9.Application.Knowledge.Profile.EditKnowledgeProfile;
using Chat9.Application.Knowledge.Profile.GetKnowledgeProfile;
using Chat9.Domain.Faq;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using NJsonSchema.Annotations;

namespace Chat9.WebApi.Endpoints;

/// <summary>
/// The knowledge endpoints of management-api.md ("Knowledge"): the bot's profile (read and edit) and its FAQ (review
/// candidates, write entries, approve what may answer).
/// </summary>
public sealed class KnowledgeEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var profile = app.MapManagementGroup("/knowledge/profile", "Knowledge");

        profile.MapGet(string.Empty, GetProfile)
            .WithName("GetKnowledgeProfile")
            .WithSummary("The bot's knowledge profile (product name, summary, topics, glossary), extracted from its documents about a minute after they change; edited_fields lists what PATCH set.");
        profile.MapPatch(string.Empty, EditProfile)
            .WithName("EditKnowledgeProfile")
            .WithSummary("Edit product_name (≤ 200 or null), summary (≤ 2,000 or null), topics (≤ 50 × 1–100), glossary (≤ 200 × {term 1–100, definition 1–1,000}). Only the members sent change, and extraction never overwrites them; unknown or read-only members are rejected.")
            .Accepts<PatchKnowledgeProfileRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

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

    public static async Task<Ok<KnowledgeProfileDto>> GetProfile(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetKnowledgeProfileQuery(user.GetBotId()), ct));

    public static async Task<Ok<KnowledgeProfileDto>> EditProfile(
        ClaimsPrincipal user, JsonBody<PatchKnowledgeProfileRequest> body, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        return TypedResults.Ok(await sender.Send(new EditKnowledgeProfileCommand(user.GetBotId(), request.ToPatch(), request.RejectedFields()), ct));
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

/// <summary>The <c>PATCH /knowledge/profile</c> body. Every member is optional; members not sent stay unchanged (and stay extracted).</summary>
public sealed record PatchKnowledgeProfileRequest
{
    [JsonSchemaType(typeof(string))]
    [CanBeNull]
    public Optional<string?> ProductName { get; init; }

    [JsonSchemaType(typeof(string))]
    [CanBeNull]
    public Optional<string?> Summary { get; init; }

    [JsonSchemaType(typeof(string[]))]
    public Optional<IReadOnlyList<string?>?> Topics { get; init; }

    [JsonSchemaType(typeof(GlossaryTermDto[]))]
    public Optional<IReadOnlyList<PatchGlossaryTermRequest?>?> Glossary { get; init; }

    [JsonExtensionData]
    [JsonSchemaIgnore]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }

    public KnowledgeProfilePatch ToPatch() => new()
    {
        ProductName = ProductName,
        Summary = Summary,
        Topics = Topics,
        Glossary = Glossary.IsSet
            ? new Optional<IReadOnlyList<GlossaryTermPatch?>?>(Glossary.Value?.Select(g => g is null ? null : new GlossaryTermPatch(g.Term, g.Definition)).ToList())
            : default,
    };

    /// <summary>Unknown or read-only members, glossary entries' included (<c>glossary[2].source</c>).</summary>
    public IReadOnlyList<string> RejectedFields() =>
    [
        .. (IEnumerable<string>?)OtherMembers?.Keys ?? [],
        .. (Glossary is { IsSet: true, Value: { } entries } ? entries : Array.Empty<PatchGlossaryTermRequest?>())
            .SelectMany((entry, i) => entry?.OtherMembers?.Keys.Select(k => $"glossary[{i}].{k}") ?? []),
    ];
}

public sealed record PatchGlossaryTermRequest
{
    public string? Term { get; init; }

    public string? Definition { get; init; }

    [JsonExtensionData]
    [JsonSchemaIgnore]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }
}
