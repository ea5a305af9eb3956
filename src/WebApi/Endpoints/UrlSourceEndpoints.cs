using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat9.Application.Common.Models;
using Chat9.Application.Sources.Common;
using Chat9.Application.Sources.CreateUrlSource;
using Chat9.Application.Sources.DeleteUrlSource;
using Chat9.Application.Sources.GetUrlSource;
using Chat9.Application.Sources.ListUrlSources;
using Chat9.Application.Sources.RefreshUrlSource;
using Chat9.Application.Sources.RemoveSourcePage;
using Chat9.Application.Sources.UpdateUrlSource;
using Chat9.Domain.Sources;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using NJsonSchema.Annotations;

namespace Chat9.WebApi.Endpoints;

/// <summary>The URL sources endpoints of management-api.md: crawled documentation sites.</summary>
public sealed class UrlSourceEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapManagementGroup("/documents/sources", "URL sources");

        group.MapPost("/url", Create)
            .WithName("CreateUrlSource")
            .WithSummary("Register a documentation site; its first crawl is queued at once.")
            .Accepts<CreateUrlSourceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("", List)
            .WithName("ListUrlSources")
            .WithSummary("URL sources, newest first.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:guid}", Get)
            .WithName("GetUrlSource")
            .WithSummary("A source with its last 10 runs, its current pages and its excluded pages.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/{id:guid}", Update)
            .WithName("UpdateUrlSource")
            .WithSummary("Change name, schedule, exclusions, max_pages or excluded_pages; pages they now exclude are removed at once.")
            .Accepts<PatchUrlSourceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteUrlSource")
            .WithSummary("Delete the source with all its pages and their chunks.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/refresh", Refresh)
            .WithName("RefreshUrlSource")
            .WithSummary("Queue a crawl now (at most once an hour; 409 while a crawl is queued or running).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapDelete("/{id:guid}/pages/{documentId:guid}", RemovePage)
            .WithName("RemoveSourcePage")
            .WithSummary("Remove a crawled page and exclude its URL from later crawls.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Created<UrlSourceDto>> Create(ClaimsPrincipal user, JsonBody<CreateUrlSourceRequest> body, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        var source = await sender.Send(new CreateUrlSourceCommand(user.GetBotId(), request.Url, request.Name, request.Schedule, request.Exclusions, request.MaxPages), ct);
        return TypedResults.Created($"/documents/sources/{source.Id}", source);
    }

    public static async Task<Ok<PagedList<UrlSourceDto>>> List(
        ClaimsPrincipal user, ISender sender, CancellationToken ct, string? limit = null, string? offset = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListUrlSourcesQuery(user.GetBotId(), QueryParameters.Page(limit, offset, cursor)), ct));

    public static async Task<Ok<UrlSourceDetailDto>> Get(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetUrlSourceQuery(user.GetBotId(), id), ct));

    public static async Task<Ok<UrlSourceDto>> Update(ClaimsPrincipal user, Guid id, JsonBody<PatchUrlSourceRequest> body, ISender sender, CancellationToken ct)
    {
        var request = body.Value;
        return TypedResults.Ok(await sender.Send(new UpdateUrlSourceCommand(
            user.GetBotId(), id, request.Name, request.Schedule, request.Exclusions, request.MaxPages, request.ExcludedPages,
            [.. request.OtherMembers?.Keys ?? Enumerable.Empty<string>()]), ct));
    }

    public static async Task<NoContent> Delete(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteUrlSourceCommand(user.GetBotId(), id), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Accepted<RefreshAcceptedDto>> Refresh(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Accepted($"/documents/sources/{id}", await sender.Send(new RefreshUrlSourceCommand(user.GetBotId(), id), ct));

    public static async Task<NoContent> RemovePage(ClaimsPrincipal user, Guid id, Guid documentId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RemoveSourcePageCommand(user.GetBotId(), id, documentId), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of <c>POST /documents/sources/url</c>.</summary>
public sealed record CreateUrlSourceRequest(string? Url, string? Name, CrawlSchedule? Schedule, IReadOnlyList<string>? Exclusions, int? MaxPages);

/// <summary>The body of <c>PATCH /documents/sources/{id}</c>; members not sent stay unchanged.</summary>
public sealed record PatchUrlSourceRequest
{
    [JsonSchemaType(typeof(string))]
    public Optional<string?> Name { get; init; }

    [JsonSchemaType(typeof(CrawlSchedule))]
    public Optional<CrawlSchedule?> Schedule { get; init; }

    [JsonSchemaType(typeof(string[]))]
    public Optional<IReadOnlyList<string>?> Exclusions { get; init; }

    [JsonSchemaType(typeof(int))]
    public Optional<int?> MaxPages { get; init; }

    [JsonSchemaType(typeof(string[]))]
    public Optional<IReadOnlyList<string>?> ExcludedPages { get; init; }

    [JsonExtensionData]
    [JsonSchemaIgnore]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }
}
