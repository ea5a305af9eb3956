using Chat9.WebApi.Infrastructure.Authentication;
using Chat9.WebApi.Infrastructure.RateLimiting;

namespace Chat9.WebApi.Infrastructure;

/// <summary>A set of related endpoints. Each group only routes HTTP to use cases.</summary>
public interface IEndpointGroup
{
    static abstract void Map(IEndpointRouteBuilder app);
}

public static class EndpointGroupExtensions
{
    /// <summary>The management surface: API-key authentication, disabled bots refused, no CORS.</summary>
    public static RouteGroupBuilder MapManagementGroup(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix)
            .RequireAuthorization(ManagementPolicy)
            .AddEndpointFilter<ActiveBotFilter>()
            .RequireRateLimiting(RateLimitingSetup.Management)
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        // Document 403 bot_inactive exactly where ActiveBotFilter can return it.
        // Finally: runs after the endpoint's own attributes are in its metadata.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<AllowInactiveBotAttribute>().Any())
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                    StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
            }
        });
        return group;
    }

    public const string ManagementPolicy = "Management";

    public static WebApplication MapEndpoints(this WebApplication app)
    {
        Endpoints.HealthEndpoints.Map(app);
        Endpoints.BotEndpoints.Map(app);
        Endpoints.DocumentEndpoints.Map(app);
        Endpoints.UrlSourceEndpoints.Map(app);
        Endpoints.ChatEndpoints.Map(app);
        Endpoints.EscalationEndpoints.Map(app);
        Endpoints.KnowledgeEndpoints.Map(app);
        Endpoints.GapEndpoints.Map(app);
        Endpoints.WidgetEndpoints.Map(app);
        Endpoints.WidgetScriptEndpoints.Map(app);
        Endpoints.DemoEndpoints.Map(app);
        return app;
    }
}
