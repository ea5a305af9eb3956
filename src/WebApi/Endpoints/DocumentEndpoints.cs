using System.Security.Claims;
using Chat9.Application.Common.Exceptions;
using Chat9.Application.Common.Models;
using Chat9.Application.Documents.Common;
using Chat9.Application.Documents.DeleteDocument;
using Chat9.Application.Documents.GetDocument;
using Chat9.Application.Documents.GetDocumentHealth;
using Chat9.Application.Documents.ListDocuments;
using Chat9.Application.Documents.ReindexDocument;
using Chat9.Application.Documents.RunDocumentHealthCheck;
using Chat9.Application.Documents.UploadDocument;
using Chat9.Domain.Documents;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.Problems;
using Chat9.WebApi.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat9.WebApi.Endpoints;

/// <summary>The Documents endpoints of management-api.md.</summary>
public sealed class DocumentEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapManagementGroup("/documents", "Documents");

        group.MapPost("", Upload)
            .WithName("UploadDocument")
            .WithSummary("Upload a file (multipart: file, optional source_url). Processing runs in the background.")
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitingSetup.Uploads)
            .Accepts<UploadDocumentForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("", List)
            .WithName("ListDocuments")
            .WithSummary("Documents, newest first. Filters: status, file_type, origin (upload|crawl). Paging: limit with offset or cursor.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:guid}", Get)
            .WithName("GetDocument")
            .WithSummary("A document with its detail fields.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteDocument")
            .WithSummary("Delete a document; its chunks leave search before the response.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/health", GetHealth)
            .WithName("GetDocumentHealth")
            .WithSummary("The document's health report (409 document_not_ready until it is ready).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/health/run", RunHealth)
            .WithName("RunDocumentHealthCheck")
            .WithSummary("Run the health check now.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reindex", Reindex)
            .WithName("ReindexDocument")
            .WithSummary("Re-process the stored original; search serves the old chunks until the new ones replace them.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    [UploadEndpoint]
    public static async Task<Accepted<DocumentDto>> Upload(
        ClaimsPrincipal user, IFormFile? file, [FromForm(Name = "source_url")] string? sourceUrl, HttpContext context, ISender sender, CancellationToken ct)
    {
        if (file is null)
        {
            throw new ValidationException("file", "A file is required (multipart field 'file').");
        }

        // Binding takes the first of several parts named 'file'; keeping one and dropping the others silently would lose uploads.
        if (context.Request.Form.Files.GetFiles("file").Count > 1)
        {
            throw new ValidationException("file", "Send one file per request (several parts are named 'file').");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var document = await sender.Send(new UploadDocumentCommand(user.GetBotId(), file.FileName, content, string.IsNullOrWhiteSpace(sourceUrl) ? null : sourceUrl), ct);
        return TypedResults.Accepted($"/documents/{document.Id}", document);
    }

    public static async Task<Ok<PagedList<DocumentDto>>> List(
        ClaimsPrincipal user, ISender sender, CancellationToken ct,
        string? status = null, [FromQuery(Name = "file_type")] string? fileType = null, string? origin = null,
        string? limit = null, string? offset = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListDocumentsQuery(
            user.GetBotId(),
            QueryParameters.Page(limit, offset, cursor),
            QueryParameters.Enum<DocumentStatus>(status, "status"),
            QueryParameters.Enum<DocumentFileType>(fileType, "file_type"),
            QueryParameters.Enum<DocumentOrigin>(origin, "origin")), ct));

    public static async Task<Ok<DocumentDetailDto>> Get(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetDocumentQuery(user.GetBotId(), id), ct));

    public static async Task<NoContent> Delete(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteDocumentCommand(user.GetBotId(), id), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<DocumentHealthDto>> GetHealth(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetDocumentHealthQuery(user.GetBotId(), id), ct));

    public static async Task<Ok<DocumentHealthDto>> RunHealth(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RunDocumentHealthCheckCommand(user.GetBotId(), id), ct));

    public static async Task<Accepted<DocumentDto>> Reindex(ClaimsPrincipal user, Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Accepted($"/documents/{id}", await sender.Send(new ReindexDocumentCommand(user.GetBotId(), id), ct));
}

/// <summary>The multipart form of <c>POST /documents</c> (for the OpenAPI document).</summary>
public sealed class UploadDocumentForm
{
    /// <summary>The file: PDF, DOCX, Markdown/MDX, HTML, plain text, or OpenAPI 3.x / Swagger 2.0 (JSON or YAML).</summary>
    public required IFormFile File { get; init; }

    /// <summary>Where the same content is published (http/https), so answers can cite it.</summary>
    public string? SourceUrl { get; init; }
}
