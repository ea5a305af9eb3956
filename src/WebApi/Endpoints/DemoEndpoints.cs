using System.Text.Encodings.Web;
using Chat9.Application.Demo.GetDemoBot;
using Chat9.Application.Demo.GetDemoDocument;
using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.Hosting;
using Chat9.WebApi.Infrastructure.Problems;
using Chat9.WebApi.Infrastructure.StaticAssets;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.WebApi.Endpoints;

/// <summary>
/// The demo page at <c>/</c>: a small product site that embeds the widget for the demo bot, so the first run shows
/// Chat9 working, and the sample documents under <c>/demo/docs/{slug}</c>, where the demo bot's sources point.
/// <c>Demo:PageEnabled=false</c> turns both off (404).
/// </summary>
public sealed class DemoEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", Page).ExcludeFromDescription();
        app.MapGet("/demo/docs/{slug}", Document).ExcludeFromDescription();
    }

    public static async Task<IResult> Page(HttpContext context, WidgetAssets assets, IOptions<DemoOptions> options, ISender sender, CancellationToken ct)
    {
        if (!options.Value.PageEnabled)
        {
            return NotFound(context);
        }

        var bot = await sender.Send(new GetDemoBotQuery(), ct);
        var notice = bot switch
        {
            null => "There is no demo bot on this server (Demo:SeedOnFirstRun is off, or the bot was removed), so the chat bubble cannot start. "
                + "Run `dotnet run --project src/WebApi -- demo seed` to create it.",
            { IsActive: false } => "The demo bot is disabled; enable it with the admin CLI to try the chat.",
            _ => string.Empty,
        };
        var html = assets.DemoPage
            .Replace("{{BOT_ID}}", Encode(bot?.PublicId ?? string.Empty), StringComparison.Ordinal)
            .Replace("{{BOT_NAME}}", Encode(bot?.Name ?? "Chat9"), StringComparison.Ordinal)
            .Replace("{{NOTICE}}", Encode(notice), StringComparison.Ordinal);
        return Html(context, html);
    }

    public static async Task<IResult> Document(string slug, HttpContext context, WidgetAssets assets, IOptions<DemoOptions> options, ISender sender, CancellationToken ct)
    {
        if (!options.Value.PageEnabled || await sender.Send(new GetDemoDocumentQuery(slug), ct) is not { } document)
        {
            return NotFound(context);
        }

        var bot = await sender.Send(new GetDemoBotQuery(), ct);
        var html = assets.DemoDocPage
            .Replace("{{TITLE}}", Encode(document.Title), StringComparison.Ordinal)
            .Replace("{{BOT_ID}}", Encode(bot?.PublicId ?? string.Empty), StringComparison.Ordinal)
            .Replace("{{CONTENT}}", document.Html, StringComparison.Ordinal);
        return Html(context, html);
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private static IResult Html(HttpContext context, string html)
    {
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult NotFound(HttpContext context) =>
        TypedResults.Problem(Problem.Create(context, StatusCodes.Status404NotFound, "not_found", "There is no page here."));
}
