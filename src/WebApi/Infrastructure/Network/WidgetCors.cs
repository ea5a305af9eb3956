using Chat9.WebApi.Infrastructure.Problems;
using Microsoft.Net.Http.Headers;

namespace Chat9.WebApi.Infrastructure.Network;

/// <summary>
/// CORS of widget-api.md for <c>/widget/*</c>. The bot is not known at preflight time (no body, no query checks), so a
/// preflight always succeeds and the bot's <c>allowed_domains</c> are enforced on the actual request
/// (<c>403 origin_not_allowed</c>, sent without CORS headers so the browser hides it). Every other response to a browser
/// origin carries them, so the widget can read errors such as <c>429</c> and its <c>Retry-After</c>.
/// Management endpoints are never touched: they send no CORS headers at all.
/// </summary>
public static class WidgetCors
{
    private const string AllowedMethods = "GET, POST, OPTIONS";
    private const string AllowedHeaders = "Content-Type, Accept, Accept-Language";
    private const string MaxAgeSeconds = "600";

    public static IApplicationBuilder UseWidgetCors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/widget") || request.Headers.Origin.Count == 0)
        {
            await next(context);
            return;
        }

        var origin = request.Headers.Origin.ToString();
        var response = context.Response;
        if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers.AccessControlAllowOrigin = origin;
            response.Headers.AccessControlAllowMethods = AllowedMethods;
            response.Headers.AccessControlAllowHeaders = AllowedHeaders;
            response.Headers.AccessControlMaxAge = MaxAgeSeconds;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            return;
        }

        response.OnStarting(() =>
        {
            if (!(context.Items.TryGetValue(Problem.CodeItemKey, out var code) && code is "origin_not_allowed"))
            {
                response.Headers.AccessControlAllowOrigin = origin;
                response.Headers.AccessControlExposeHeaders = HeaderNames.RetryAfter;
            }

            if (!response.Headers.Vary.Any(v => v is not null && v.Contains(HeaderNames.Origin, StringComparison.OrdinalIgnoreCase)))
            {
                response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
