using Chat9.WebApi.Infrastructure;
using Chat9.WebApi.Infrastructure.StaticAssets;

namespace Chat9.WebApi.Endpoints;

/// <summary>
/// <c>GET /widget.js</c> (widget-api.md): the loader and UI in one script, for any page — no bot check and no rate limit
/// (the bot is read from the script tag at run time). Cacheable for 5 minutes, revalidated by <c>ETag</c>.
/// </summary>
public sealed class WidgetScriptEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/widget.js", [HttpMethods.Get, HttpMethods.Head], Script)
            .WithTags("Widget")
            .WithName("WidgetScript")
            .WithSummary("The widget loader and UI (widget.md). Compressed with Brotli or gzip when accepted; If-None-Match answers 304.")
            .Produces(StatusCodes.Status200OK, contentType: "text/javascript")
            .Produces(StatusCodes.Status304NotModified);
    }

    public static Task Script(HttpContext context, WidgetAssets assets)
    {
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return assets.Script.ServeAsync(context, "public, max-age=300");
    }
}
